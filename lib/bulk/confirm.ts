import "server-only";
import { ActionError } from "../actions/result";
import type { ActionContext } from "../actions/run-action";
import { db } from "../db";
import { appBoss } from "../jobs/app-boss";
import { BULK_APPLY_QUEUE, type BulkApplyJob } from "../jobs/queues";
import type { JobKind } from "./catalogue";

/**
 * Confirms a stored plan and queues it: a destructive plan over 10 rows, or
 * any runbook (it deletes across vendors), needs its row count typed.
 */
export async function confirmJob(
  job: { id: string; status: string; operation: string },
  kind: JobKind,
  typedCount: string | undefined,
  ctx: ActionContext,
) {
  const jobId = job.id;
  if (job.status !== "planned") throw new ActionError("This plan was already confirmed.");
  const toSend = await db().bulkRow.count({ where: { jobId, status: "pending" } });
  if (toSend === 0) throw new ActionError("Nothing to send: every row is an error or needs no change.");
  if (mustTypeCount(kind, toSend) && typedCount !== String(toSend))
    throw new ActionError(`Type ${toSend} (the number of rows to change) to confirm.`);
  const updated = await db().bulkJob.updateMany({
    where: { id: jobId, status: "planned" },
    data: { status: "queued", confirmedById: ctx.staff.id, confirmedAt: new Date(), changeReason: ctx.changeReason },
  });
  if (updated.count === 0) throw new ActionError("This plan was already confirmed.");
  const bossJobId = await (await appBoss()).send(BULK_APPLY_QUEUE, { jobId } satisfies BulkApplyJob, {
    singletonKey: jobId,
  });
  await db().bulkJob.update({ where: { id: jobId }, data: { bossJobId } });
  if (kind.vendor) ctx.audit.vendor = kind.vendor;
  ctx.audit.after = { operation: kind.id, rows: toSend };
  return { rows: toSend };
}

export function mustTypeCount(kind: JobKind, toSend: number): boolean {
  return kind.destructive && (toSend > 10 || kind.runbook !== null);
}
