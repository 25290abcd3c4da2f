import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { UNDO_TARGET_TYPE } from "./undo-of";

/**
 * Which of these events an undo has already reversed: the log shows them as undone and offers no second Undo. One
 * containment test per event, each answered by the targets' GIN index.
 */
export async function undoneEvents(db: Db, eventIds: string[]): Promise<Set<string>> {
  if (!eventIds.length) return new Set();
  const links = Prisma.join(
    eventIds.map((id) => Prisma.sql`"targets" @> ${JSON.stringify([{ type: UNDO_TARGET_TYPE, id }])}::jsonb`),
    " OR ",
  );
  const rows = await db.$queryRaw<{ targets: { type: string; id: string }[] }[]>(
    Prisma.sql`SELECT "targets" FROM "AuditEvent" WHERE "outcome" = 'success' AND (${links})`,
  );
  const wanted = new Set(eventIds);
  return new Set(
    rows.flatMap((r) => r.targets.filter((t) => t.type === UNDO_TARGET_TYPE && wanted.has(t.id)).map((t) => t.id)),
  );
}
