import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { AssignmentForm } from "@/components/trugrid/assignment-form";
import { HistoryList } from "@/components/trugrid/history-list";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { machineGroups, userSuggestions } from "@/lib/trugrid/associations";
import { trugridHistory } from "@/lib/trugrid/history";

export const metadata: Metadata = { title: "TruGrid assignments" };

export default async function Page(props: PageProps) {
  const { tenant, connection, may } = await vendorPage(props, {
    vendor: "trugrid",
    page: "/trugrid/assignments",
    perm: "console.read",
  });
  const domainName = connection?.settings.domainName;
  const description =
    "Resource assignments: which users or user groups may use which machines or machine groups. A user must be " +
    "assigned a group before a machine in it can be associated with them.";
  if (!tenant || !domainName) {
    return (
      <Unavailable
        vendor="trugrid"
        title="Assignments"
        description={description}
        reason={tenant ? "connection" : "tenant"}
      />
    );
  }
  const [history, users, groups] = await Promise.all([
    trugridHistory(db(), tenant.id, ["trugrid.assignment.created"]),
    may["trugrid.domain.write"] ? userSuggestions(db(), tenant.id) : Promise.resolve([]),
    may["trugrid.domain.write"] ? machineGroups(db(), tenant.id) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={`Assignments · ${tenant.name}`} description={description} />
      <Card>
        <CardTitle>New assignment</CardTitle>
        <CardDescription>
          Grants access, so admins only. TruGrid checks every name and answers per assignment.
        </CardDescription>
        <div className="mt-3">
          {may["trugrid.domain.write"] ? (
            <AssignmentForm tenantId={tenant.id} users={users} groups={groups.map((g) => g.name)} />
          ) : (
            <p className="text-sm text-muted-foreground">
              Your role can see assignments made here but not create them.
            </p>
          )}
        </div>
      </Card>
      <HistoryList
        testId="assignment-history"
        title="Assignments made through this console"
        entries={history}
        description="TruGrid has no call that lists assignments: this is the console's own record, from the audit log."
        render={(e) =>
          ((e.after ?? {}) as { assignments?: { key: string; value: string[]; status: string }[] }).assignments?.map(
            (a) => `${a.key} → ${a.value.join(", ")}: ${a.status}`,
          ) ?? []
        }
      />
    </div>
  );
}
