import type { Result } from "../actions/result";
import { auditScope } from "../audit/scope";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import type { InverseMap } from "./inverse";
import { UNDO_TARGET_TYPE } from "./undo-of";

/**
 * Undoes one audited action by running its inverse. The event must be in the
 * caller's audit scope, a success, undoable, and not already undone.
 */
export async function undoEvent(db: Db, staff: Staff, eventId: string, inverses: InverseMap): Promise<Result<unknown>> {
  const event = await db.auditEvent.findFirst({ where: { AND: [{ id: eventId }, auditScope(staff)] } });
  if (!event) return { ok: false, error: "Not found." };
  const inverse = inverses[event.action];
  if (!inverse || event.outcome !== "success") return { ok: false, error: "This event cannot be undone." };
  const undone = await db.auditEvent.findFirst({
    where: { outcome: "success", targets: { array_contains: [{ type: UNDO_TARGET_TYPE, id: eventId }] } },
    select: { at: true, actorName: true },
  });
  if (undone) return { ok: false, error: `Already undone by ${undone.actorName ?? "someone"} at ${undone.at.toISOString().replace("T", " ").slice(0, 19)} UTC.` };
  const plan = inverse.plan(event);
  if (!plan) return { ok: false, error: "This event does not hold what is needed to undo it." };
  return plan.run({ ...plan.input, undoOf: eventId } as never);
}
