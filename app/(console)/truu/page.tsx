import type { Metadata } from "next";
import { TruuChartCards } from "@/components/truu/charts";
import { VendorArea } from "@/components/vendors/vendor-area";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { currentTenant } from "@/lib/tenants/scope";
import { truuCharts } from "@/lib/truu/charts";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.truu };

export default async function Page() {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  const charts = tenant ? await truuCharts(db(), tenant.id) : null;
  return (
    <>
      <VendorArea vendor="truu" description="Enrolled users, their devices and workstation assets, with assurance levels and deletes." />
      {charts ? <div className="mt-4"><TruuChartCards charts={charts} /></div> : null}
    </>
  );
}
