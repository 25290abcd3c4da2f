import type { PgBoss } from "pg-boss";
import type { Db } from "../db/client";
import { enqueueSync } from "./enqueue-sync";

export const DEFAULT_SYNC_INTERVAL_MINUTES = 60;

/**
 * Queues a sync for every tenant connection whose interval has passed since
 * its last run began. Runs every minute on one worker (a pg-boss schedule).
 */
export async function scheduleDueSyncs(db: Db, boss: PgBoss, now = new Date()): Promise<number> {
  const [connections, schedules] = await Promise.all([
    db.vendorConnection.findMany({ select: { tenantId: true, vendor: true } }),
    db.syncSchedule.findMany(),
  ]);
  const byTenant = new Map(schedules.map((s) => [s.tenantId, s]));
  let queued = 0;
  for (const c of connections) {
    const schedule = byTenant.get(c.tenantId);
    if (schedule && !schedule.enabled) continue;
    const interval = (schedule?.intervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES) * 60_000;
    const last = await db.syncRun.findFirst({
      where: { tenantId: c.tenantId, vendor: c.vendor },
      orderBy: { queuedAt: "desc" },
    });
    if (last && (last.status === "queued" || last.status === "running")) continue;
    if (last && now.getTime() - last.queuedAt.getTime() < interval) continue;
    const { joined } = await enqueueSync(db, boss, { tenantId: c.tenantId, vendor: c.vendor, trigger: "schedule" });
    if (!joined) queued++;
  }
  return queued;
}
