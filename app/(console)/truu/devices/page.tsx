import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { DevicesTable } from "@/components/truu/devices-table";
import { Unavailable } from "@/components/vendor/unavailable";
import { can } from "@/lib/auth/permissions";
import { pgPool } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { DeviceTableSearch, deviceTable } from "@/lib/truu/device-filters";
import { listDevices } from "@/lib/truu/list-devices";
import { listTableViews } from "@/lib/views/list-views";

export const metadata: Metadata = { title: "TruU devices" };

export default async function Page(props: PageProps) {
  const { staff, tenant, may, search, ignored } = await vendorPage(props, {
    vendor: "truu",
    page: "/truu/devices",
    perm: "console.read",
    search: DeviceTableSearch,
  });
  if (!tenant) return <Unavailable vendor="truu" title="TruU devices" reason="tenant" />;
  const { state, filter } = deviceTable(search);
  const [{ rows, total, estimated }, views] = await Promise.all([
    listDevices(pgPool(), tenant.id, state, filter),
    listTableViews(staff, tenant.id, "truu.devices"),
  ]);
  return (
    <>
      <PageHeader
        title={`TruU devices · ${tenant.name}`}
        description="Enrolled devices from the last TruU sync. Deletes go to TruU at once and cannot be undone."
      />
      <ParamNotices ignored={ignored} />
      <DevicesTable
        rows={rows}
        total={total}
        estimated={estimated}
        state={state}
        now={Date.now()}
        tenantId={tenant.id}
        canDelete={may["truu.write"]}
        canShare={can(staff.role, "views.share")}
        views={views}
      />
    </>
  );
}
