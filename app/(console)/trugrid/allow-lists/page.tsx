import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { AllowLists } from "@/components/trugrid/allow-lists";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";

export const metadata: Metadata = { title: "TruGrid allow-lists" };

export default async function Page(props: PageProps) {
  const { tenant, connection, may } = await vendorPage(props, { vendor: "trugrid", page: "/trugrid/allow-lists", perm: "console.read" });
  const domainName = connection?.settings.domainName;
  const description = "The IP allow-list and the external DNS names of the tenant's TruGrid domain, as last read from TruGrid.";
  if (!tenant || !domainName) {
    return <Unavailable vendor="trugrid" title="Allow-lists" description={description} reason={tenant ? "connection" : "tenant"} />;
  }
  const rows = await db().vendorObject.findMany({
    where: { tenantId: tenant.id, vendor: "trugrid", kind: { in: ["allowed_ip", "external_dns"] }, deletedAt: null },
    orderBy: { name: "asc" }, select: { kind: true, name: true, syncedAt: true },
  });
  const values = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.name ?? "");
  const readAt = rows.reduce<Date | null>((m, r) => (!m || r.syncedAt > m ? r.syncedAt : m), null);
  return (
    <div className="space-y-6">
      <PageHeader title={`Allow-lists · ${tenant.name}`} description={description} />
      <AllowLists tenantId={tenant.id} domainName={domainName} ips={values("allowed_ip")} dns={values("external_dns")} readAt={readAt?.toISOString() ?? null} canRead={may["trugrid.read"]} />
    </div>
  );
}
