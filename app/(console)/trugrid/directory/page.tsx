import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { DirectoryPanel } from "@/components/trugrid/directory-panel";
import { HistoryList, statusLines } from "@/components/trugrid/history-list";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { trugridHistory } from "@/lib/trugrid/history";

export const metadata: Metadata = { title: "TruGrid Active Directory" };

const AD_ACTIONS = [
  "trugrid.ad.users_synced",
  "trugrid.ad.machines_synced",
  "trugrid.ad.user_groups_synced",
  "trugrid.ad.machine_groups_synced",
  "trugrid.ad.refreshed",
  "trugrid.applications.refreshed",
  "trugrid.app_association.cleared",
];

export default async function Page(props: PageProps) {
  const { tenant, connection, may } = await vendorPage(props, {
    vendor: "trugrid",
    page: "/trugrid/directory",
    perm: "console.read",
  });
  const domainName = connection?.settings.domainName;
  const description =
    "Active Directory syncs and refreshes, application associations and allowed UPN suffixes of the tenant's " +
    "TruGrid domain. These reach the whole domain: admins only.";
  if (!tenant || !domainName) {
    return (
      <Unavailable
        vendor="trugrid"
        title="Active Directory"
        description={description}
        reason={tenant ? "connection" : "tenant"}
      />
    );
  }
  const [suffixes, adHistory] = await Promise.all([
    trugridHistory(db(), tenant.id, ["trugrid.upn_suffix.added"]),
    trugridHistory(db(), tenant.id, AD_ACTIONS),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={`Active Directory · ${tenant.name}`} description={description} />
      {may["trugrid.domain.write"] ? (
        <DirectoryPanel tenantId={tenant.id} domainName={domainName} />
      ) : (
        <Card>
          <CardTitle>Admins only</CardTitle>
          <CardDescription>Your role can see what was done here but not run these actions.</CardDescription>
        </Card>
      )}
      <div className="grid gap-4 xl:grid-cols-2">
        <HistoryList
          testId="suffix-history"
          title="UPN suffixes added through this console"
          entries={suffixes}
          render={statusLines}
          description={
            "TruGrid has no call that lists a domain's suffixes: this is the console's own record, from the audit " +
            "log."
          }
        />
        <HistoryList
          title="Recent AD actions"
          entries={adHistory}
          description="From the audit log."
          render={(e) => [e.action, ...statusLines(e)]}
        />
      </div>
    </div>
  );
}
