import { PgBoss } from "pg-boss";
import {
  AUDIT_RETENTION_QUEUE,
  AUDIT_RETENTION_QUEUE_OPTIONS,
  BULK_APPLY_QUEUE,
  BULK_APPLY_QUEUE_OPTIONS,
  SYNC_RUN_QUEUE,
  SYNC_RUN_QUEUE_OPTIONS,
  SYNC_SCHEDULE_QUEUE,
  SYNC_SCHEDULE_QUEUE_OPTIONS,
} from "./queues";

/**
 * A started pg-boss on the console's database with its queues in place.
 * Workers supervise and run schedules; the web app only sends jobs.
 */
export async function startBoss(databaseUrl: string, role: "worker" | "sender"): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: role === "worker" ? 6 : 2,
    supervise: role === "worker",
    schedule: role === "worker",
    // How soon a job whose worker died (no heartbeat) is failed and retried.
    superviseIntervalSeconds: Number(process.env.CONSOLE_JOB_SUPERVISE_SECONDS ?? 15),
    monitorIntervalSeconds: Number(process.env.CONSOLE_JOB_SUPERVISE_SECONDS ?? 15),
  });
  // One line per error: a database shutting down under a worker is expected at stop time, not a stack dump.
  boss.on("error", (err) => console.error(`[jobs] ${err instanceof Error ? err.message : String(err)}`));
  await boss.start();
  for (const [name, options] of [
    [SYNC_RUN_QUEUE, SYNC_RUN_QUEUE_OPTIONS],
    [SYNC_SCHEDULE_QUEUE, SYNC_SCHEDULE_QUEUE_OPTIONS],
    [AUDIT_RETENTION_QUEUE, AUDIT_RETENTION_QUEUE_OPTIONS],
    [BULK_APPLY_QUEUE, BULK_APPLY_QUEUE_OPTIONS],
  ] as const) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
  }
  return boss;
}
