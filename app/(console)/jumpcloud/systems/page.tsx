import type { Metadata } from "next";
import { NoTenant } from "@/components/jumpcloud/no-tenant";
import { SystemsTable } from "@/components/jumpcloud/systems-table";
import { PageHeader } from "@/components/shell/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listSystems, SYSTEM_ACTIVE, SYSTEM_SORTS, systemOsList } from "@/lib/jumpcloud/queries";
import { oneOf, readTableState } from "@/lib/table/params";
import { currentTenant } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "JumpCloud systems" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  if (!tenant) return <NoTenant title="JumpCloud systems" />;
  const search = await searchParams;
  const state = readTableState(search, { sortable: SYSTEM_SORTS, sort: "name" });
  const osList = await systemOsList(db(), tenant.id);
  const { rows, total } = await listSystems(db(), tenant.id, state, { active: oneOf(search, "active", SYSTEM_ACTIVE), os: oneOf(search, "os", osList) });
  return (
    <>
      <PageHeader title={`JumpCloud systems · ${tenant.name}`} description="Devices running the JumpCloud agent, from the last sync. Open one for its groups, bound users and commands." />
      <SystemsTable rows={rows} total={total} state={state} osList={osList} />
    </>
  );
}
