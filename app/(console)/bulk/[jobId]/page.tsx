import type { Metadata } from "next";
import { z } from "zod";
import { ConfirmPlan } from "@/components/bulk/confirm-plan";
import { JobLinks } from "@/components/bulk/job-links";
import { JobLive } from "@/components/bulk/job-live";
import { JobReason } from "@/components/bulk/job-reason";
import { BulkRowsTable, type BulkRowView } from "@/components/bulk/rows-table";
import { OffboardingJob } from "@/components/offboarding/offboarding-job";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { Card, CardTitle } from "@/components/ui/card";
import { namedValues } from "@/lib/audit/value-names";
import { can } from "@/lib/auth/permissions";
import { bulkJobKind } from "@/lib/bulk/catalogue";
import { jobRowsPage } from "@/lib/bulk/page-queries";
import { bulkJobInScope, bulkJobTenant, bulkJobView } from "@/lib/bulk/queries";
import { BulkRowsSearch } from "@/lib/bulk/rows-search";
import { undoableRows } from "@/lib/bulk/undo-state";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { pathId } from "@/lib/params/fields";
import { tableState } from "@/lib/table/params";

export const metadata: Metadata = { title: "Bulk job" };

export default async function BulkJobPage(props: PageProps) {
  // Another tenant's job is "not found", and the attempt is in the audit log.
  const {
    staff,
    params: { jobId },
    search,
    ignored,
    found,
  } = await pageContext(props, {
    page: "/bulk/[jobId]",
    perm: "console.read",
    params: z.object({ jobId: pathId(100) }),
    search: BulkRowsSearch,
    tenant: ({ params }) => bulkJobTenant(params.jobId),
    describe: (params) => [{ type: "bulk_job", id: params.jobId }],
  });
  const job = await found(bulkJobInScope(staff, jobId), { type: "bulk_job", id: jobId });
  const op = await found(
    bulkJobKind(job.operation),
    { type: "bulk_job", id: jobId },
    "has an operation the catalogue no longer lists",
  );
  const notices = <ParamNotices ignored={ignored} />;
  if (op.runbook)
    return (
      <OffboardingJob job={job} staff={staff} search={search} view={await bulkJobView(job.id)} notices={notices} />
    );
  const state = tableState(search);
  const [view, { rows, total, toSend }] = await Promise.all([
    bulkJobView(job.id),
    jobRowsPage(db(), job.id, state, { plan: search.plan, status: search.status }),
  ]);
  const undo = await undoableRows(
    db(),
    job.id,
    rows.map((r) => r.id),
  );
  const undoByRow = new Map(undo.map((u) => [u.rowId, { state: u.undo, eventId: u.eventId, label: u.label }]));
  // A plan reads names where the cache knows the ids it holds (a Twingate group's members, a JumpCloud system).
  const named = await namedValues(
    db(),
    (rows as unknown as BulkRowView[]).map((r) => ({ ...r, tenantId: job.tenantId })),
  );
  const shown = named.map((r) => ({ ...r, undo: undoByRow.get(r.id) ?? null }));
  const counts = job.planCounts as Record<string, number>;
  const canApply = can(staff.role, "bulk.apply");
  return (
    <>
      <PageHeader title={`${op.label} · ${job.fileName}`} description={op.description} />
      {notices}
      <JobLinks jobId={job.id} />
      <div className="mb-4 grid gap-4 xl:grid-cols-2">
        <Card>
          <CardTitle>Plan</CardTitle>
          <p className="mt-2 text-sm" data-testid="plan-counts">
            {job.rowsTotal.toLocaleString("en")} rows: {counts.create ?? 0} create · {counts.update ?? 0} update ·{" "}
            {counts.no_change ?? 0} no change · {counts.error ?? 0} error
            {counts.duplicate ? ` (${counts.duplicate} duplicate${counts.duplicate === 1 ? "" : "s"} in the file)` : ""}
          </p>
          <JobReason reason={job.changeReason} />
          {job.status === "planned" ? (
            <div className="mt-3">
              {canApply ? (
                <ConfirmPlan
                  tenantId={job.tenantId}
                  jobId={job.id}
                  label={op.label}
                  toSend={toSend}
                  counts={counts}
                  destructive={op.destructive}
                />
              ) : (
                <p className="text-sm text-muted-foreground">An operator can apply this plan.</p>
              )}
            </div>
          ) : null}
        </Card>
        {job.status !== "planned" ? (
          <Card>
            <CardTitle>Progress</CardTitle>
            <div className="mt-3">
              <JobLive tenantId={job.tenantId} initial={view} canApply={canApply} />
            </div>
          </Card>
        ) : null}
      </div>
      <BulkRowsTable rows={shown} total={total} state={state} canUndo={canApply} />
    </>
  );
}
