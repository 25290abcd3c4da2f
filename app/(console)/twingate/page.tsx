import type { Metadata } from "next";
import { VendorArea } from "@/components/vendors/vendor-area";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.twingate };

export default function Page() {
  return <VendorArea vendor="twingate" description="Users, devices, groups, resources and access, remote networks, connectors and service accounts." />;
}
