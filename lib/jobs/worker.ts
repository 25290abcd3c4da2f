import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { applyAuditRetention } from "../audit/retention-job";
import { applyBulkJob } from "../bulk/apply";
import type { Db } from "../db/client";
import type { VendorSync } from "../sync/context";
import { runSync } from "../sync/run-sync";
import type { VendorId } from "../vendors/connection-fields";
import {
  AUDIT_RETENTION_QUEUE,
  BULK_APPLY_QUEUE,
  type BulkApplyJob,
  SYNC_RUN_QUEUE,
  SYNC_SCHEDULE_QUEUE,
  type SyncRunJob,
} from "./queues";
import { scheduleDueSyncs } from "./schedule-syncs";

export interface WorkerDeps {
  db: Db;
  pool: pg.Pool;
  boss: PgBoss;
  syncs: Record<VendorId, VendorSync>;
  /** Syncs this process runs at once. */
  concurrency?: number;
  log?: (msg: string) => void;
}

/** Subscribes this process to the sync queues. Any number of processes may do so on one database. */
export async function startWorker(deps: WorkerDeps): Promise<void> {
  const log = deps.log ?? ((m: string) => console.log(`[worker] ${m}`));
  await deps.boss.work<SyncRunJob>(
    SYNC_RUN_QUEUE,
    { localConcurrency: deps.concurrency ?? 2, pollingIntervalSeconds: 1 },
    async (jobs) => {
      for (const job of jobs) {
        log(`sync ${job.data.runId} (attempt ${job.retryCount + 1})`);
        const attempt = job.retryCount + 1;
        const outcome = await runSync({
          db: deps.db,
          pool: deps.pool,
          runId: job.data.runId,
          syncs: deps.syncs,
          attempt,
          signal: job.signal,
        });
        log(`sync ${job.data.runId} ${outcome}`);
      }
    },
  );
  await deps.boss.schedule(SYNC_SCHEDULE_QUEUE, "* * * * *");
  await deps.boss.work(SYNC_SCHEDULE_QUEUE, async () => {
    const queued = await scheduleDueSyncs(deps.db, deps.boss);
    if (queued) log(`scheduled ${queued} sync${queued === 1 ? "" : "s"}`);
  });
  await deps.boss.work<BulkApplyJob>(
    BULK_APPLY_QUEUE,
    { localConcurrency: 2, pollingIntervalSeconds: 1 },
    async (jobs) => {
      for (const job of jobs) {
        log(`bulk ${job.data.jobId} (attempt ${job.retryCount + 1})`);
        const outcome = await applyBulkJob(deps.db, job.data.jobId, { signal: job.signal, log });
        log(`bulk ${job.data.jobId} ${outcome}`);
      }
    },
  );
  // Daily, at a quiet hour; "Apply retention now" on the audit page queues the same job.
  await deps.boss.schedule(AUDIT_RETENTION_QUEUE, "17 3 * * *");
  await deps.boss.work(AUDIT_RETENTION_QUEUE, async () => {
    const out = await applyAuditRetention(deps.db, deps.pool);
    log(
      "reason" in out ? `audit retention: ${out.reason}` : `audit retention: archived and pruned ${out.pruned} events`,
    );
  });
}
