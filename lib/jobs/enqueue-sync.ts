import type { PgBoss } from "pg-boss";
import type { Db } from "../db/client";
import type { VendorId } from "../vendors/connection-fields";
import { SYNC_RUN_QUEUE, type SyncRunJob } from "./queues";

/**
 * Queues a sync of one tenant's vendor, or returns the one already queued:
 * pressing "Sync now" twice, or a schedule firing during a manual run, never
 * reads the vendor twice at once.
 */
export async function enqueueSync(db: Db, boss: PgBoss, req: { tenantId: string; vendor: VendorId; trigger: string }) {
  const waiting = await db.syncRun.findFirst({
    where: { tenantId: req.tenantId, vendor: req.vendor, status: "queued" },
    orderBy: { queuedAt: "desc" },
  });
  if (waiting) return { run: waiting, joined: true };
  const run = await db.syncRun.create({ data: { tenantId: req.tenantId, vendor: req.vendor, trigger: req.trigger } });
  const jobId = await boss.send(SYNC_RUN_QUEUE, { runId: run.id } satisfies SyncRunJob, {
    singletonKey: `${req.tenantId}:${req.vendor}`,
  });
  if (!jobId) {
    // The queue already holds a job for this pair that our table does not show as queued (a retry waiting).
    const cancelled = await db.syncRun.update({
      where: { id: run.id },
      data: { status: "cancelled", finishedAt: new Date(), error: "a sync of this vendor is already waiting to run" },
    });
    return { run: cancelled, joined: true };
  }
  return { run: await db.syncRun.update({ where: { id: run.id }, data: { jobId } }), joined: false };
}
