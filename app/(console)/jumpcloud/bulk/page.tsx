import type { Metadata } from "next";
import { z } from "zod";
import { BulkForms } from "@/components/jumpcloud/bulk-forms";
import { BulkJobItem } from "@/components/jumpcloud/bulk-job-item";
import { ScheduledChanges } from "@/components/jumpcloud/scheduled-changes";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { recentBulkJobs } from "@/lib/jumpcloud/bulk-jobs";
import { scheduledChanges } from "@/lib/jumpcloud/scheduled-states";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { urlId } from "@/lib/params/fields";

export const metadata: Metadata = { title: "JumpCloud bulk jobs" };

const KIND_LABEL = {
  create: "Create users",
  update: "Update users",
  unlock: "Unlock",
  expire: "Expire passwords",
  states: "Scheduled state change",
} as const;

// `job`: the JumpCloud job whose results open at once (the link a bulk action's toast gives).
const Search = z.object({ job: urlId().optional() });

export default async function Page(props: PageProps) {
  const {
    tenant,
    may,
    search: { job },
  } = await vendorPage(props, { vendor: "jumpcloud", page: "/jumpcloud/bulk", perm: "console.read", search: Search });
  if (!tenant) return <Unavailable vendor="jumpcloud" title="JumpCloud bulk jobs" reason="tenant" />;
  const canWrite = may["jumpcloud.write"];
  const [jobs, scheduled] = await Promise.all([recentBulkJobs(db(), tenant.id), scheduledChanges(db(), tenant.id)]);
  return (
    <>
      <PageHeader
        title={`JumpCloud bulk jobs · ${tenant.name}`}
        description={
          "JumpCloud runs bulk jobs on its side; the console starts them, then reads their results until every user " +
          "is done."
        }
      />
      <div className="space-y-6">
        {canWrite ? <BulkForms tenantId={tenant.id} /> : null}
        <ScheduledChanges tenantId={tenant.id} read={scheduled} canWrite={canWrite} />
        <Card>
          <CardTitle>Recent jobs</CardTitle>
          <CardDescription>Started through the console for this tenant, newest first.</CardDescription>
          {jobs.length === 0 ? (
            <p className="mt-3 text-sm text-muted-foreground">No bulk jobs yet.</p>
          ) : (
            <ul className="mt-3 space-y-3" data-testid="bulk-jobs">
              {jobs.map((j) => (
                <li key={j.eventId} className="rounded-md border p-3" data-testid="bulk-job">
                  <BulkJobItem
                    tenantId={tenant.id}
                    jobId={canWrite ? j.jobId : null}
                    initiallyOpen={j.jobId !== null && j.jobId === job}
                    summary={
                      <>
                        <strong>{KIND_LABEL[j.kind]}</strong> · {j.count} user(s)
                        {j.kind === "states" && j.state ? (
                          <>
                            {" "}
                            → {j.state.toLowerCase()} at {j.startDate ? <When at={j.startDate} /> : "?"}
                          </>
                        ) : (
                          ""
                        )}
                        <span className="ml-2 text-muted-foreground">
                          <When at={j.at} precision="second" /> by {j.actor ?? "—"}
                          {j.jobId ? ` · job ${j.jobId}` : ""}
                        </span>
                      </>
                    }
                    fallback={
                      <p className="text-sm text-muted-foreground">
                        {j.kind === "states"
                          ? "JumpCloud applies scheduled changes at the given time; the next sync shows the new states."
                          : "Results are shown to operators."}
                      </p>
                    }
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
