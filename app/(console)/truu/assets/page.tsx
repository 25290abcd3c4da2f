import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { AssetsTable } from "@/components/truu/assets-table";
import { NoTenant } from "@/components/truu/no-tenant";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { currentTenant } from "@/lib/tenants/scope";
import { listAssets, readAssetTable } from "@/lib/truu/list-assets";
import { listTableViews } from "@/lib/views/list-views";

export const metadata: Metadata = { title: "TruU assets" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  if (!tenant) return <NoTenant title="TruU assets" />;
  const { state, type } = readAssetTable(await searchParams);
  const [{ rows, total }, views] = await Promise.all([
    listAssets(db(), tenant.id, state, type),
    listTableViews(staff, tenant.id, "truu.assets"),
  ]);
  return (
    <>
      <PageHeader title={`TruU assets · ${tenant.name}`} description="Workstations with the TruU agent: hardware, network addresses and the accounts enrolled on each." />
      <AssetsTable rows={rows} total={total} state={state} now={Date.now()} tenantId={tenant.id} canShare={can(staff.role, "views.share")} views={views} />
    </>
  );
}
