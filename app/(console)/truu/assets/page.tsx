import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { AssetsTable } from "@/components/truu/assets-table";
import { Unavailable } from "@/components/vendor/unavailable";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { AssetTableSearch, assetTable, listAssets } from "@/lib/truu/list-assets";
import { listTableViews } from "@/lib/views/list-views";

export const metadata: Metadata = { title: "TruU assets" };

export default async function Page(props: PageProps) {
  const { staff, tenant, search, ignored } = await vendorPage(props, {
    vendor: "truu",
    page: "/truu/assets",
    perm: "console.read",
    search: AssetTableSearch,
  });
  if (!tenant) return <Unavailable vendor="truu" title="TruU assets" reason="tenant" />;
  const { state, type } = assetTable(search);
  const [{ rows, total }, views] = await Promise.all([
    listAssets(db(), tenant.id, state, type),
    listTableViews(staff, tenant.id, "truu.assets"),
  ]);
  return (
    <>
      <PageHeader
        title={`TruU assets · ${tenant.name}`}
        description="Workstations with the TruU agent: hardware, network addresses and the accounts enrolled on each."
      />
      <ParamNotices ignored={ignored} />
      <AssetsTable
        rows={rows}
        total={total}
        state={state}
        now={Date.now()}
        tenantId={tenant.id}
        canShare={can(staff.role, "views.share")}
        views={views}
      />
    </>
  );
}
