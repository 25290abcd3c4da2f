import type { Metadata } from "next";
import { VendorArea } from "@/components/vendors/vendor-area";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.trugrid };

export default function Page() {
  return <VendorArea vendor="trugrid" description="MFA, user–machine associations, AD sync, RDP over UDP, allow-lists and logon IPs for the tenant's TruGrid domain." />;
}
