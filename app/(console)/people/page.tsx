import type { Metadata } from "next";
import { CurrentTenantConnections } from "@/components/vendors/current-tenant-connections";

export const metadata: Metadata = { title: "People" };

export default function Page() {
  return <CurrentTenantConnections title="People" description="One person across TruGrid, TruU, Twingate and JumpCloud, linked by UPN and email from the synced vendor data of the tenants below." />;
}
