import { planBulkJob } from "../lib/bulk/plan";
import type { Db } from "../lib/db/client";

/** Plans a CSV as a staff member would upload it, then confirms it the way the job page does. */
export async function planConfirmed(
  db: Db,
  job: {
    tenantId: string;
    staffId: string;
    operationId: string;
    csv: string;
    fileName?: string;
    changeReason?: string;
  },
) {
  const res = await planBulkJob(db, {
    tenantId: job.tenantId,
    operationId: job.operationId,
    fileName: job.fileName ?? "t.csv",
    bytes: new TextEncoder().encode(job.csv),
    staffId: job.staffId,
  });
  if (!res.ok) throw new Error(res.error);
  await db.bulkJob.update({
    where: { id: res.jobId },
    data: {
      status: "queued",
      confirmedById: job.staffId,
      confirmedAt: new Date(),
      changeReason: job.changeReason ?? null,
    },
  });
  return res;
}

/** A job's rows in file order. */
export const bulkRowsOf = (db: Db, jobId: string) =>
  db.bulkRow.findMany({ where: { jobId }, orderBy: { line: "asc" } });

/** Sets a simulator's fault injection (error rate, 429 bursts, hangs). */
export const putSimFaults = (simUrl: string, faults: Record<string, number>) =>
  fetch(`${simUrl}/__sim/faults`, { method: "PUT", body: JSON.stringify(faults) });

/**
 * Twingate's write budget (20 a minute per token) as a minute later would find it: a test file's writes together
 * pass the limit, and the pacer's own tests hold it to the limit.
 */
export const nextPacerMinute = (db: Db) => db.$executeRaw`UPDATE "PacerSlot" SET at = at - interval '61 seconds'`;
