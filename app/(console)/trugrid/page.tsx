import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { VendorArea } from "@/components/vendor/vendor-area";
import type { TenantSummary } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { trugridOverview } from "@/lib/trugrid/overview";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.trugrid };

async function CacheCard({ tenant }: { tenant: TenantSummary }) {
  const n = await trugridOverview(db(), tenant.id);
  const line = (href: string, n: number, what: string) => (
    <li>
      <Link href={href} className="link">
        <strong>{n}</strong> {what}
      </Link>
    </li>
  );
  return (
    <Card data-testid="trugrid-cache">
      <CardTitle>What the console knows</CardTitle>
      <CardDescription>
        TruGrid lists users only with their logon IPs, machines only through associations, and reports no MFA or UDP
        state: the console shows what it last set itself.
      </CardDescription>
      <ul className="mt-3 space-y-1 text-sm">
        {line("/trugrid/users", n.users, "users")}
        {line("/trugrid/users", n.usersWithState, "users with MFA or UDP set through this console")}
        {line("/trugrid/associations", n.associations, "machine associations")}
        {line("/trugrid/allow-lists", n.allowedIps, "allowed IPs")}
        {line("/trugrid/allow-lists", n.externalDns, "external DNS names")}
      </ul>
    </Card>
  );
}

export default async function Page(props: PageProps) {
  const { staff, tenant, connection } = await vendorPage(props, {
    vendor: "trugrid",
    page: "/trugrid",
    perm: "console.read",
  });
  return (
    <VendorArea
      staff={staff}
      tenant={tenant}
      vendor="trugrid"
      connection={connection}
      description={
        "MFA, user–machine associations, AD sync, RDP over UDP, allow-lists and logon IPs for the tenant's TruGrid " +
        "domain."
      }
    >
      {tenant ? <CacheCard tenant={tenant} /> : null}
    </VendorArea>
  );
}
