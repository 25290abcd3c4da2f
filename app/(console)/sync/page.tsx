import type { Metadata } from "next";
import { CurrentTenantConnections } from "@/components/vendors/current-tenant-connections";

export const metadata: Metadata = { title: "Sync" };

export default function Page() {
  return <CurrentTenantConnections title="Sync" description="Vendor data is cached per tenant and vendor so that pages stay fast; these are the connections that sync reads." />;
}
