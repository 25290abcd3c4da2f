import "server-only";
import type { Staff } from "../auth/staff";
import { db } from "../db";
import { bulkProgress } from "./apply";

/**
 * The tenant a bulk job belongs to, whoever asks (for the wrappers' scope check), or null when there is no such
 * job.
 */
export async function bulkJobTenant(jobId: string): Promise<string | null> {
  return (await db().bulkJob.findUnique({ where: { id: jobId }, select: { tenantId: true } }))?.tenantId ?? null;
}

/** A bulk job if it belongs to a tenant the staff user may see. */
export async function bulkJobInScope(staff: Staff, jobId: string) {
  return db().bulkJob.findFirst({ where: { id: jobId, tenantId: { in: staff.tenantIds } } });
}

export type BulkJobView = Awaited<ReturnType<typeof bulkJobView>>;

/** What the job page and its poll show: status, counts by row status, and an estimate of the time left. */
export async function bulkJobView(jobId: string) {
  const job = await db().bulkJob.findUniqueOrThrow({ where: { id: jobId } });
  const counts = await bulkProgress(db(), jobId);
  const toSend = counts.pending + counts.sending;
  const done = counts.succeeded + counts.failed + counts.unknown;
  const elapsed = job.startedAt ? (job.finishedAt ?? new Date()).getTime() - job.startedAt.getTime() : 0;
  const etaSeconds =
    job.status === "running" && done > 0 && toSend > 0 ? Math.ceil(((elapsed / done) * toSend) / 1000) : null;
  return {
    id: job.id,
    status: job.status,
    operation: job.operation,
    fileName: job.fileName,
    rowsTotal: job.rowsTotal,
    planCounts: job.planCounts as Record<string, number>,
    counts,
    etaSeconds,
    cancelRequested: job.cancelRequested,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
