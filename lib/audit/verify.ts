import type { Db } from "../db/client";
import type { AuditEvent } from "../generated/prisma/client";
import { eventHash, GENESIS_HASH, hashedFieldsOf } from "./chain";

export type ChainReport =
  | { ok: true; events: number; lastHash: string; fromCheckpoint: { seq: bigint; prunedAt: Date } | null }
  | { ok: false; events: number; brokenAt: { seq: bigint; id: string; at: Date; action: string }; reason: string };

/**
 * Walks the chain in order, a page at a time (constant memory), and reports
 * the first broken event. After a retention prune it starts from the newest
 * checkpoint: the first remaining event must link to the last pruned hash.
 */
export async function verifyAuditChain(db: Db, pageSize = 2000): Promise<ChainReport> {
  const checkpoint = await db.auditCheckpoint.findFirst({ orderBy: { seq: "desc" } });
  let prevHash = checkpoint?.hash ?? GENESIS_HASH;
  let cursor: bigint | null = checkpoint?.seq ?? null;
  let events = 0;
  for (;;) {
    const page: AuditEvent[] = await db.auditEvent.findMany({
      where: cursor === null ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    if (page.length === 0)
      return {
        ok: true,
        events,
        lastHash: prevHash,
        fromCheckpoint: checkpoint && { seq: checkpoint.seq, prunedAt: checkpoint.at },
      };
    for (const row of page) {
      const brokenAt = { seq: row.seq, id: row.id, at: row.at, action: row.action };
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          events,
          brokenAt,
          reason: "its prev_hash does not match the event before it (an event was removed, inserted or reordered)",
        };
      }
      if (eventHash(prevHash, hashedFieldsOf(row)) !== row.hash) {
        return { ok: false, events, brokenAt, reason: "its content does not match its hash (the event was altered)" };
      }
      prevHash = row.hash;
      events++;
      cursor = row.seq;
    }
  }
}
