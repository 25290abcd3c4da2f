import type { Metadata } from "next";
import { VendorArea } from "@/components/vendors/vendor-area";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.truu };

export default function Page() {
  return <VendorArea vendor="truu" description="Enrolled users, their devices and workstation assets, with assurance levels and deletes." />;
}
