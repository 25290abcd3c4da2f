import "server-only";
import path from "node:path";
import { db } from "../db";

export interface ChainStatus {
  lastCheck: { at: string; by: string | null; ok: boolean; detail: string } | null;
  retentionDays: number | null;
  checkpoint: { seq: string; prunedCount: number; lastAt: string; archive: string; sha256: string; at: string } | null;
}

/** The chain panel's figures: the last verification's outcome, the retention period, the last prune. */
export async function chainStatus(): Promise<ChainStatus> {
  const [check, retention, checkpoint] = await Promise.all([
    db().auditEvent.findFirst({
      where: { action: "audit.verified", outcome: { in: ["success", "failure"] } },
      orderBy: { seq: "desc" },
    }),
    db().auditRetention.findUnique({ where: { id: 1 } }),
    db().auditCheckpoint.findFirst({ orderBy: { seq: "desc" } }),
  ]);
  const after = check?.after as { events?: number } | null;
  return {
    lastCheck: check && {
      at: check.at.toISOString(),
      by: check.actorName,
      ok: check.outcome === "success",
      detail:
        check.outcome === "success"
          ? `${after?.events?.toLocaleString("en") ?? "?"} events verified`
          : (check.reason ?? ""),
    },
    retentionDays: retention?.days ?? null,
    checkpoint: checkpoint && {
      seq: checkpoint.seq.toString(),
      prunedCount: checkpoint.prunedCount,
      lastAt: checkpoint.lastAt.toISOString(),
      archive: path.basename(checkpoint.archivePath),
      sha256: checkpoint.archiveSha256,
      at: checkpoint.at.toISOString(),
    },
  };
}
