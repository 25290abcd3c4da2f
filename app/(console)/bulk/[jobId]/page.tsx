import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmPlan } from "@/components/bulk/confirm-plan";
import { JobLive } from "@/components/bulk/job-live";
import { BulkRowsTable, type BulkRowView } from "@/components/bulk/rows-table";
import { OffboardingJob } from "@/components/offboarding/offboarding-job";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { bulkJobKind } from "@/lib/bulk/catalogue";
import { bulkJobInScope, bulkJobView } from "@/lib/bulk/queries";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { oneOf, pageWindow, readTableState } from "@/lib/table/params";
import { JobLinks } from "@/components/bulk/job-links";

export const metadata: Metadata = { title: "Bulk job" };

const PLANS = ["create", "update", "no_change", "error"] as const;
const STATUSES = ["pending", "sending", "succeeded", "failed", "unknown", "skipped", "cancelled"] as const;

export default async function BulkJobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const job = await bulkJobInScope(staff, (await params).jobId);
  const op = job && bulkJobKind(job.operation);
  if (!job || !op) notFound();
  const search = await searchParams;
  if (op.runbook) return <OffboardingJob job={job} staff={staff} search={search} view={await bulkJobView(job.id)} />;
  const state = readTableState(search, { sortable: ["line", "status"] as const, sort: "line" });
  const where: Prisma.BulkRowWhereInput = {
    jobId: job.id,
    ...(oneOf(search, "plan", PLANS) ? { plan: oneOf(search, "plan", PLANS) } : {}),
    ...(oneOf(search, "status", STATUSES) ? { status: oneOf(search, "status", STATUSES) } : {}),
    ...(state.q ? { OR: [{ planError: { contains: state.q, mode: "insensitive" } }, { vendorMessage: { contains: state.q, mode: "insensitive" } }, { input: { string_contains: state.q } }] } : {}),
  };
  const [view, rows, total, toSend] = await Promise.all([
    bulkJobView(job.id),
    db().bulkRow.findMany({ where, orderBy: [{ [state.sort]: state.dir }, { line: "asc" }], ...pageWindow(state) }),
    db().bulkRow.count({ where }),
    db().bulkRow.count({ where: { jobId: job.id, status: "pending" } }),
  ]);
  const counts = job.planCounts as Record<string, number>;
  const canApply = can(staff.role, "bulk.apply");
  return (
    <>
      <PageHeader title={`${op.label} · ${job.fileName}`} description={op.description} />
      <JobLinks jobId={job.id} />
      <div className="mb-4 grid gap-4 xl:grid-cols-2">
        <Card>
          <CardTitle>Plan</CardTitle>
          <p className="mt-2 text-sm" data-testid="plan-counts">
            {job.rowsTotal.toLocaleString("en")} rows: {counts.create ?? 0} create · {counts.update ?? 0} update · {counts.no_change ?? 0} no change · {counts.error ?? 0} error
            {counts.duplicate ? ` (${counts.duplicate} duplicate${counts.duplicate === 1 ? "" : "s"} in the file)` : ""}
          </p>
          {job.status === "planned" ? (
            <div className="mt-3">
              {canApply ? <ConfirmPlan tenantId={job.tenantId} jobId={job.id} label={op.label} toSend={toSend} counts={counts} destructive={op.destructive} />
                : <p className="text-sm text-muted-foreground">An operator can apply this plan.</p>}
            </div>
          ) : null}
        </Card>
        {job.status !== "planned" ? (
          <Card><CardTitle>Progress</CardTitle><div className="mt-3"><JobLive tenantId={job.tenantId} initial={view} canApply={canApply} /></div></Card>
        ) : null}
      </div>
      <BulkRowsTable rows={rows as unknown as BulkRowView[]} total={total} state={state} />
    </>
  );
}
