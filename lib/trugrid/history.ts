import type { Db } from "../db/client";

export interface HistoryEntry {
  id: string;
  at: Date;
  actorName: string | null;
  action: string;
  after: unknown;
}

/**
 * What this console did at TruGrid for calls whose result TruGrid cannot be
 * asked for again (UPN suffixes, resource assignments, AD syncs): the audit
 * log is the only record, so pages show it from there.
 */
export async function trugridHistory(db: Db, tenantId: string, actions: string[], take = 20): Promise<HistoryEntry[]> {
  return db.auditEvent.findMany({
    where: { tenantId, vendor: "trugrid", action: { in: actions }, outcome: "success" },
    orderBy: { seq: "desc" },
    take,
    select: { id: true, at: true, actorName: true, action: true, after: true },
  });
}
