import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { AllowLists } from "@/components/trugrid/allow-lists";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { allowListValues } from "@/lib/trugrid/allow-lists";

export const metadata: Metadata = { title: "TruGrid allow-lists" };

export default async function Page(props: PageProps) {
  const { tenant, connection, may } = await vendorPage(props, {
    vendor: "trugrid",
    page: "/trugrid/allow-lists",
    perm: "console.read",
  });
  const domainName = connection?.settings.domainName;
  const description =
    "The IP allow-list and the external DNS names of the tenant's TruGrid domain, as last read from TruGrid.";
  if (!tenant || !domainName) {
    return (
      <Unavailable
        vendor="trugrid"
        title="Allow-lists"
        description={description}
        reason={tenant ? "connection" : "tenant"}
      />
    );
  }
  const { ips, dns, readAt } = await allowListValues(db(), tenant.id);
  return (
    <div className="space-y-6">
      <PageHeader title={`Allow-lists · ${tenant.name}`} description={description} />
      <AllowLists
        tenantId={tenant.id}
        domainName={domainName}
        ips={ips}
        dns={dns}
        readAt={readAt?.toISOString() ?? null}
        canRead={may["trugrid.read"]}
      />
    </div>
  );
}
