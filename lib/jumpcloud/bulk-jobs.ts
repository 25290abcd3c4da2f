import "server-only";
import type { Db } from "../db/client";
import { BULK_ACTIONS, type BulkKind } from "./bulk-kinds";

export interface BulkJobRow {
  eventId: string;
  at: Date;
  actor: string | null;
  kind: BulkKind;
  jobId: string | null;
  count: number;
  state: string | null;
  startDate: string | null;
}

const KIND_OF = Object.fromEntries(Object.entries(BULK_ACTIONS).map(([k, v]) => [v, k as BulkKind]));

/** The tenant's recent JumpCloud bulk jobs, as the audit log recorded their start. */
export async function recentBulkJobs(db: Db, tenantId: string, take = 20): Promise<BulkJobRow[]> {
  const events = await db.auditEvent.findMany({
    where: { tenantId, outcome: "success", action: { in: Object.values(BULK_ACTIONS) } },
    orderBy: { seq: "desc" },
    take,
    select: { id: true, at: true, actorName: true, action: true, after: true },
  });
  return events.flatMap((e) => {
    const kind = KIND_OF[e.action];
    if (!kind) return []; // the query asked for these actions only
    const a = (e.after ?? {}) as { jobId?: string; count?: number; state?: string; startDate?: string };
    return {
      eventId: e.id,
      at: e.at,
      actor: e.actorName,
      kind,
      jobId: a.jobId ?? null,
      count: a.count ?? 0,
      state: a.state ?? null,
      startDate: a.startDate ?? null,
    };
  });
}
