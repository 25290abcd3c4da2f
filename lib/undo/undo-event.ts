import type { Result } from "../actions/result";
import { recordAudit } from "../audit/record";
import { auditScope } from "../audit/scope";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import { type InverseMap, inverseFor } from "./inverse";

/** The audit name of an undo refused before any inverse could run (no such event in scope, nothing to undo). */
export const UNDO_REFUSED_ACTION = "audit.undo_refused";

/**
 * Undoes one audited action by running its inverse with `undoOf` naming the
 * event, and the reason given for the undo (else the one the change was made
 * for). The action wrapper checks that claim (scope, tenant, the inverse
 * and its input, not yet undone: lib/undo/verify-undo-of.ts); what is
 * refused here, before there is an inverse to run, is recorded as denied.
 */
export async function undoEvent(
  db: Db,
  staff: Staff,
  eventId: string,
  inverses: InverseMap,
  meta: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null },
  changeReason: string | null = null,
): Promise<Result<unknown>> {
  const event = await db.auditEvent.findFirst({ where: { AND: [{ id: eventId }, auditScope(staff)] } });
  const inverse = event ? inverseFor(inverses, event.action) : undefined;
  const plan = event?.outcome === "success" ? inverse?.plan(event) : undefined;
  if (!event || !plan) {
    const reason = !event
      ? "the event is not in the caller's audit scope"
      : event.outcome !== "success"
        ? `the event's outcome is ${event.outcome}`
        : `${event.action} has no inverse for what it recorded`;
    await recordAudit(db, {
      action: UNDO_REFUSED_ACTION,
      actor: { id: staff.id, email: staff.email, name: staff.name },
      ...meta,
      outcome: "denied",
      reason,
      tenantId: event?.tenantId ?? null,
      targets: [{ type: "audit_event", id: eventId }],
    });
    if (event?.outcome !== "success") return { ok: false, error: "Not found." };
    return {
      ok: false,
      error: inverse ? "This event does not hold what is needed to undo it." : "This event cannot be undone.",
    };
  }
  // An undo without a reason of its own keeps the one the change was made for: it belongs to the same ticket.
  const reason = changeReason ?? event.changeReason;
  return plan.run({ ...plan.input, undoOf: eventId, ...(reason ? { changeReason: reason } : {}) } as never);
}
