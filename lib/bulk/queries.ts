import "server-only";
import type { Staff } from "../auth/staff";
import { db } from "../db";
import { pacerSlotKey } from "../twingate/pacer";
import { TWINGATE_LIMITS } from "../vendors/twingate/pacer";
import { bulkProgress } from "./apply";
import { bulkOperation } from "./catalogue";
import { etaSeconds, type WriteBudget } from "./eta";

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
  const op = bulkOperation(job.operation);
  const eta =
    job.status === "running"
      ? etaSeconds({
          elapsedMs: elapsed,
          done,
          toSend,
          rowsPerCall: op?.chunkSize ?? 1,
          budget: op?.vendor === "twingate" ? await twingateWriteBudget(job.tenantId) : null,
        })
      : null;
  return {
    id: job.id,
    status: job.status,
    operation: job.operation,
    fileName: job.fileName,
    rowsTotal: job.rowsTotal,
    planCounts: job.planCounts as Record<string, number>,
    counts,
    etaSeconds: eta,
    cancelRequested: job.cancelRequested,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Twingate's write budget for the tenant's token as it stands: the writes granted in the last window, by the same
 * pacer every worker and the console take their turns from (lib/sync/pg-pacer.ts).
 */
async function twingateWriteBudget(tenantId: string): Promise<WriteBudget> {
  const { limit, windowMs } = TWINGATE_LIMITS.write;
  const [row] = await db().$queryRaw<{ used: number }[]>`
    SELECT count(*)::int AS used FROM "PacerSlot"
    WHERE key = ${pacerSlotKey(tenantId, "write")} AND at > now() - make_interval(secs => ${windowMs / 1000})`;
  return { limit, windowMs, used: row?.used ?? 0 };
}
