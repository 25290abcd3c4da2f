import type { Metadata } from "next";
import { CurrentTenantConnections } from "@/components/vendors/current-tenant-connections";

export const metadata: Metadata = { title: "Bulk changes" };

export default function Page() {
  return <CurrentTenantConnections title="Bulk changes" description="Large changes from CSV files: a dry-run plan with a per-row diff, then a durable apply job, for the vendors connected below." />;
}
