import type { Metadata } from "next";
import { NoTenant } from "@/components/jumpcloud/no-tenant";
import { UsersTable } from "@/components/jumpcloud/users-table";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listUsers, LOCK_FILTERS, MFA_FILTERS, USER_SORTS, USER_STATES } from "@/lib/jumpcloud/queries";
import { oneOf, readTableState } from "@/lib/table/params";
import { currentTenant } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "JumpCloud users" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  if (!tenant) return <NoTenant title="JumpCloud users" />;
  const search = await searchParams;
  const state = readTableState(search, { sortable: USER_SORTS, sort: "email" });
  const { rows, total } = await listUsers(db(), tenant.id, state, {
    state: oneOf(search, "state", USER_STATES), lock: oneOf(search, "lock", LOCK_FILTERS), mfa: oneOf(search, "mfa", MFA_FILTERS),
  });
  return (
    <>
      <PageHeader title={`JumpCloud users · ${tenant.name}`} description="System users from the last sync. Open a user to suspend, unlock, reset MFA or edit; select several to unlock or expire passwords in one bulk job." />
      <UsersTable rows={rows} total={total} state={state} tenantId={tenant.id} canWrite={can(staff.role, "jumpcloud.write")} />
    </>
  );
}
