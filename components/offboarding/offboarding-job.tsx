import type { ReactNode } from "react";
import { JobLinks } from "@/components/bulk/job-links";
import { JobLive } from "@/components/bulk/job-live";
import { JobReason } from "@/components/bulk/job-reason";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import type { Staff } from "@/lib/auth/staff";
import type { BulkJobView } from "@/lib/bulk/queries";
import type { BulkRowsSearch } from "@/lib/bulk/rows-search";
import { undoableRows } from "@/lib/bulk/undo-state";
import { db } from "@/lib/db";
import type { BulkJob, Prisma } from "@/lib/generated/prisma/client";
import { OFFBOARDING_STEPS, stepInfo } from "@/lib/offboarding/step-list";
import { latestVerification } from "@/lib/offboarding/verify";
import { pageWindow, tableState } from "@/lib/table/params";
import { ConfirmOffboarding } from "./confirm-offboarding";
import { OffboardingStepsTable, type StepRowView } from "./steps-table";
import { UndoAllSteps } from "./undo-all";
import { OffboardingVerification } from "./verification";

/** What a step row is about beyond its person: the group or device it touches. */
function detail(input: Record<string, unknown>, before: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  return String(input.groupName ?? input.group ?? input.system ?? b.deviceName ?? b.name ?? "");
}

/** The job page of an offboarding: the plan by step, confirmation, live progress, each step's result and its Undo. */
export async function OffboardingJob({
  job,
  staff,
  search,
  view,
  notices,
}: {
  job: BulkJob;
  staff: Staff;
  search: BulkRowsSearch;
  view: BulkJobView;
  notices?: ReactNode;
}) {
  const state = tableState(search);
  const where: Prisma.BulkRowWhereInput = {
    jobId: job.id,
    ...(search.plan ? { plan: search.plan } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(state.q
      ? {
          OR: [
            { planError: { contains: state.q, mode: "insensitive" } },
            { vendorMessage: { contains: state.q, mode: "insensitive" } },
            { input: { path: ["person"], string_contains: state.q } },
          ],
        }
      : {}),
  };
  const [rows, total, byStep, undo, people, verification] = await Promise.all([
    db().bulkRow.findMany({ where, orderBy: [{ [state.sort]: state.dir }, { line: "asc" }], ...pageWindow(state) }),
    db().bulkRow.count({ where }),
    db().bulkRow.groupBy({ by: ["operation"], where: { jobId: job.id, status: "pending" }, _count: true }),
    undoableRows(db(), job.id),
    db().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT lower(input->>'person'))::int AS n FROM "BulkRow"
      WHERE "jobId" = ${job.id} AND plan <> 'error'`,
    latestVerification(db(), job.id),
  ]);
  const undoByRow = new Map(undo.map((u) => [u.rowId, u]));
  const may = can(staff.role, "offboarding.run");
  const counts = job.planCounts as Record<string, number>;
  const toSend = byStep.reduce((n, s) => n + s._count, 0);
  const steps = OFFBOARDING_STEPS.map((s) => ({
    label: s.label,
    undoable: s.undoable,
    count: byStep.find((b) => b.operation === s.op.id)?._count ?? 0,
  }));
  const view_: StepRowView[] = rows.map((r) => {
    const info = stepInfo(r.operation);
    const input = r.input as Record<string, unknown>;
    const u = undoByRow.get(r.id);
    return {
      id: r.id,
      line: r.line,
      person: String(input.person ?? ""),
      step: info?.label ?? "Person",
      undoable: info?.undoable ?? true,
      detail: detail(input, r.before),
      plan: r.plan,
      planError: r.planError,
      before: r.before,
      after: r.after,
      status: r.status,
      vendorMessage: r.vendorMessage,
      attempts: r.attempts,
      undo: u ? { state: u.undo, eventId: u.eventId, label: u.label } : null,
    };
  });
  const available = undo.filter((u) => u.undo === "available").length;
  return (
    <>
      <PageHeader
        title={`Offboarding · ${job.fileName}`}
        description={
          "Each person's steps across the vendors, in the order they run. A step already done needs no change and " +
          "is not sent."
        }
      />
      {notices}
      <JobLinks jobId={job.id} />
      <div className="mb-4 grid gap-4 xl:grid-cols-2">
        <Card>
          <CardTitle>Plan</CardTitle>
          <p className="mt-2 text-sm" data-testid="plan-counts">
            {job.rowsTotal} steps for {people[0]?.n ?? 0} {people[0]?.n === 1 ? "person" : "people"}:{" "}
            {counts.update ?? 0} to change · {counts.no_change ?? 0} already done · {counts.error ?? 0} error
          </p>
          <JobReason reason={job.changeReason} />
          <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-sm" data-testid="plan-steps">
            {steps.map((s) => (
              <li key={s.label}>
                {s.label}
                {job.status === "planned" ? `: ${s.count} to send` : ""}
                {s.undoable ? "" : <span className="text-destructive"> · cannot be undone</span>}
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-muted-foreground">
            TruGrid has no call that removes one user&apos;s machine association: the step reads the group&apos;s
            associations from TruGrid, clears the group and sets every other user&apos;s association again. Once every
            step has run, each vendor is read back to show what access remains.
          </p>
          {job.status === "planned" ? (
            <div className="mt-3">
              {may ? (
                <ConfirmOffboarding
                  tenantId={job.tenantId}
                  jobId={job.id}
                  toSend={toSend}
                  steps={steps}
                  people={people[0]?.n ?? 0}
                />
              ) : (
                <p className="text-sm text-muted-foreground">An admin can apply this plan.</p>
              )}
            </div>
          ) : null}
        </Card>
        {job.status !== "planned" ? (
          <Card>
            <CardTitle>Progress</CardTitle>
            <div className="mt-3 space-y-3">
              <JobLive tenantId={job.tenantId} initial={view} canApply={may} />
              {may && !["queued", "running", "cancelling"].includes(job.status) ? (
                <UndoAllSteps tenantId={job.tenantId} jobId={job.id} count={available} />
              ) : null}
            </div>
          </Card>
        ) : null}
      </div>
      {job.status !== "planned" ? (
        <OffboardingVerification
          tenantId={job.tenantId}
          jobId={job.id}
          verification={verification}
          canVerify={may && job.status === "completed"}
        />
      ) : null}
      <OffboardingStepsTable rows={view_} total={total} state={state} canUndo={can(staff.role, "bulk.apply")} />
    </>
  );
}
