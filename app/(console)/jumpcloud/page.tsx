import type { Metadata } from "next";
import { VendorArea } from "@/components/vendors/vendor-area";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.jumpcloud };

export default function Page() {
  return <VendorArea vendor="jumpcloud" description="Users (MFA reset, lock, unlock, suspend), groups, systems, associations and bulk jobs." />;
}
