import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { NoTenant } from "@/components/truu/no-tenant";
import { UsersTable } from "@/components/truu/users-table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { currentTenant } from "@/lib/tenants/scope";
import { listUsers, readUserTable } from "@/lib/truu/list-users";
import { listTableViews } from "@/lib/views/list-views";

export const metadata: Metadata = { title: "TruU users" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  if (!tenant) return <NoTenant title="TruU users" />;
  const { state, filter } = readUserTable(await searchParams);
  const [{ rows, total }, views] = await Promise.all([
    listUsers(db(), tenant.id, state, filter),
    listTableViews(staff, tenant.id, "truu.users"),
  ]);
  return (
    <>
      <PageHeader title={`TruU users · ${tenant.name}`} description="Everyone enrolled in TruU, including users whose devices were all deleted, with their live device counts." />
      <UsersTable rows={rows} total={total} state={state} now={Date.now()} tenantId={tenant.id} canShare={can(staff.role, "views.share")} views={views} />
    </>
  );
}
