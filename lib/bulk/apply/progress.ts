import type { Db } from "../../db/client";

/** Row counts by status, for the progress bar. */
export async function bulkProgress(db: Db, jobId: string) {
  const groups = await db.bulkRow.groupBy({ by: ["status"], where: { jobId }, _count: true });
  const by = Object.fromEntries(groups.map((g) => [g.status, g._count])) as Record<string, number>;
  return {
    pending: by.pending ?? 0,
    sending: by.sending ?? 0,
    succeeded: by.succeeded ?? 0,
    failed: by.failed ?? 0,
    unknown: by.unknown ?? 0,
    skipped: by.skipped ?? 0,
    cancelled: by.cancelled ?? 0,
  };
}
