import path from "node:path";
import type pg from "pg";
import { dataDir } from "../config/data-dir";
import type { Db } from "../db/client";
import { type PruneOutcome, pruneAuditLog } from "./prune";

/** Where pruned stretches of the log are archived: beside the database, in the data folder. */
export function auditArchiveDir(): string {
  return path.join(/*turbopackIgnore: true*/ dataDir(), "audit-archive");
}

/** The daily retention job: prunes by the saved setting, if one is set. */
export async function applyAuditRetention(
  db: Db,
  pool: pg.Pool,
  actor: { id: string; email: string; name: string } | null = null,
): Promise<PruneOutcome> {
  const setting = await db.auditRetention.findUnique({ where: { id: 1 } });
  if (!setting?.days) return { pruned: 0, reason: "no retention period is set: everything is kept" };
  return pruneAuditLog(db, pool, { days: setting.days, archiveDir: auditArchiveDir(), actor });
}
