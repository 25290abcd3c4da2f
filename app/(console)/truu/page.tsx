import type { Metadata } from "next";
import { TruuChartCards } from "@/components/truu/charts";
import { VendorArea } from "@/components/vendor/vendor-area";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { truuCharts } from "@/lib/truu/charts";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.truu };

export default async function Page(props: PageProps) {
  const { staff, tenant, connection } = await vendorPage(props, {
    vendor: "truu",
    page: "/truu",
    perm: "console.read",
  });
  const charts = tenant ? await truuCharts(db(), tenant.id) : null;
  return (
    <>
      <VendorArea
        staff={staff}
        tenant={tenant}
        vendor="truu"
        connection={connection}
        description="Enrolled users, their devices and workstation assets, with assurance levels and deletes."
      />
      {charts ? (
        <div className="mt-4">
          <TruuChartCards charts={charts} />
        </div>
      ) : null}
    </>
  );
}
