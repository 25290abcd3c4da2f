import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { LogonIpLookup } from "@/components/trugrid/logon-ip-lookup";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Unavailable } from "@/components/vendor/unavailable";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";

export const metadata: Metadata = { title: "TruGrid logon IPs" };

export default async function Page(props: PageProps) {
  const { tenant, connection, may } = await vendorPage(props, {
    vendor: "trugrid",
    page: "/trugrid/logon-ips",
    perm: "console.read",
  });
  const domainName = connection?.settings.domainName;
  const description =
    "Last logon IP per client type (web, desktop, mobile), asked of TruGrid now: for monitoring and for checking " +
    "a sign-in from an unexpected place. The users table shows the cached values.";
  if (!tenant || !domainName) {
    return (
      <Unavailable
        vendor="trugrid"
        title="Logon IPs"
        description={description}
        reason={tenant ? "connection" : "tenant"}
      />
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader title={`Logon IPs · ${tenant.name}`} description={description} />
      {may["trugrid.read"] ? (
        <LogonIpLookup tenantId={tenant.id} domainName={domainName} />
      ) : (
        <Card>
          <CardTitle>Operators and admins</CardTitle>
          <CardDescription>
            A look-up uses the tenant&apos;s TruGrid key; your role can read the cached IPs on the Users page.
          </CardDescription>
        </Card>
      )}
    </div>
  );
}
