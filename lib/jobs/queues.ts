import type { Queue } from "pg-boss";

export const SYNC_RUN_QUEUE = "sync-run";
export const SYNC_SCHEDULE_QUEUE = "sync-schedule";

export interface SyncRunJob {
  runId: string;
}

/**
 * One sync per tenant and vendor at a time (stately + singletonKey): a second
 * "Sync now" while one is queued joins it. A worker that dies stops
 * heartbeating; the job is then retried, with backoff, by another worker.
 */
export const SYNC_RUN_QUEUE_OPTIONS: Omit<Queue, "name"> = {
  policy: "stately",
  retryLimit: 4,
  retryDelay: Number(process.env.CONSOLE_SYNC_RETRY_DELAY_SECONDS ?? 10),
  retryBackoff: true,
  retryDelayMax: 600,
  expireInSeconds: 4 * 3600,
  heartbeatSeconds: 10,
};

export const SYNC_SCHEDULE_QUEUE_OPTIONS: Omit<Queue, "name"> = {
  policy: "singleton",
  retryLimit: 0,
  expireInSeconds: 120,
};

export const AUDIT_RETENTION_QUEUE = "audit-retention";
export const AUDIT_RETENTION_QUEUE_OPTIONS: Omit<Queue, "name"> = {
  policy: "singleton",
  retryLimit: 2,
  retryDelay: 300,
  expireInSeconds: 3600,
};

export const BULK_APPLY_QUEUE = "bulk-apply";
export interface BulkApplyJob {
  jobId: string;
}
/**
 * One apply per bulk job (singletonKey = job id). A worker killed mid-job
 * stops heartbeating; pg-boss then hands the job to another worker, whose
 * resume settles the rows left in flight before sending more.
 */
export const BULK_APPLY_QUEUE_OPTIONS: Omit<Queue, "name"> = {
  policy: "stately",
  retryLimit: 10,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 300,
  expireInSeconds: 6 * 3600,
  heartbeatSeconds: 10,
};
