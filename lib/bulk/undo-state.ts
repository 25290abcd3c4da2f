import type { Db } from "../db/client";
import { inverseFor } from "../undo/inverse";
import { INVERSES } from "../undo/registry";
import { UNDO_TARGET_TYPE } from "../undo/undo-of";

export type UndoState = "available" | "undone" | "none";

/**
 * For each succeeded row of a job with an audit event: whether its event can
 * still be undone (a registered inverse that finds what it needs in the
 * event, and no successful undo of it yet), was undone, or cannot be.
 */
export async function undoableRows(db: Db, jobId: string, rowIds?: string[]) {
  const rows = await db.bulkRow.findMany({
    // A page of a large job asks for its own rows only.
    where: { jobId, status: "succeeded", auditEventId: { not: null }, ...(rowIds ? { id: { in: rowIds } } : {}) },
    select: { id: true, line: true, auditEventId: true },
    orderBy: { line: "asc" },
  });
  if (!rows.length) return [];
  const ids = rows.map((r) => r.auditEventId!);
  const [events, undos] = await Promise.all([
    db.auditEvent.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        action: true,
        tenantId: true,
        vendor: true,
        targets: true,
        before: true,
        after: true,
        outcome: true,
      },
    }),
    db.$queryRaw<{ undone: string }[]>`
      SELECT DISTINCT t->>'id' AS undone FROM "AuditEvent" e, jsonb_array_elements(e.targets) t
      WHERE e.outcome = 'success' AND t->>'type' = ${UNDO_TARGET_TYPE} AND t->>'id' = ANY(${ids}::text[])`,
  ]);
  const byId = new Map(events.map((e) => [e.id, e]));
  const undone = new Set(undos.map((u) => u.undone));
  return rows.map((r) => {
    const e = byId.get(r.auditEventId!);
    const inverse = e ? inverseFor(INVERSES, e.action) : undefined;
    const state: UndoState = undone.has(r.auditEventId!)
      ? "undone"
      : e && e.outcome === "success" && inverse?.plan(e)
        ? "available"
        : "none";
    return { rowId: r.id, line: r.line, eventId: r.auditEventId!, undo: state, label: inverse?.label ?? null };
  });
}
