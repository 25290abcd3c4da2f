import type { z } from "zod";
import { actionNameOf } from "../actions/action-tag";
import { canonicalJson } from "../audit/canonical-json";
import { auditScope } from "../audit/scope";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { type InverseMap, inverseFor } from "./inverse";
import { UNDO_TARGET_TYPE } from "./undo-of";

/** Serialises undos of one event, so two at once cannot both pass the "not yet undone" check. */
const UNDO_LOCK_SPACE = 4_201_778;

export type UndoCheck = { ok: true } | { ok: false; message: string; reason: string };

const refuse = (message: string, reason: string): UndoCheck => ({ ok: false, message, reason });

/**
 * Whether a call that names `undoOf` really is the undo of that event: the
 * event is one the caller may read, of the same tenant, a success, undoable,
 * its registered inverse is this very action with this very input, and no
 * other undo of it has succeeded or is in flight. Runs in the caller's
 * transaction after taking a lock on the event, which the caller then holds
 * until its own event (success or pending intent) is written.
 */
export async function verifyUndoOf(
  tx: Db | Prisma.TransactionClient,
  call: { staff: Staff; action: string; tenantId: string | null; schema: z.ZodType; input: unknown; undoOf: string },
  inverses: InverseMap,
): Promise<UndoCheck> {
  const { staff, undoOf } = call;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${UNDO_LOCK_SPACE}::int, hashtext(${undoOf}))`;
  const event = await tx.auditEvent.findFirst({ where: { AND: [{ id: undoOf }, auditScope(staff)] } });
  if (!event) return refuse("Not found.", `undo of event ${undoOf}, which is not in the caller's audit scope`);
  if (event.tenantId !== call.tenantId)
    return refuse(
      "Not found.",
      `undo of event ${undoOf} of tenant ${event.tenantId ?? "(none)"} called for tenant ${call.tenantId ?? "(none)"}`,
    );
  if (event.outcome !== "success")
    return refuse("This event cannot be undone.", `undo of event ${undoOf}, whose outcome is ${event.outcome}`);
  const plan = inverseFor(inverses, event.action)?.plan(event);
  if (!plan)
    return refuse(
      "This event cannot be undone.",
      `undo of event ${undoOf} (${event.action}), which has no inverse for what it recorded`,
    );
  const inverseAction = actionNameOf(plan.run);
  if (inverseAction !== call.action) {
    return refuse(
      "This event cannot be undone this way.",
      `${call.action} named as the undo of ${event.action} (event ${undoOf}), ` +
        `whose inverse is ${inverseAction ?? "unnamed"}`,
    );
  }
  const expected = call.schema.safeParse({ ...plan.input, undoOf });
  if (!expected.success || canonicalJson(expected.data) !== canonicalJson(call.input)) {
    return refuse(
      "This event cannot be undone this way.",
      `the input does not match the recorded inverse of event ${undoOf}`,
    );
  }
  const earlier = await undoneBy(tx, undoOf);
  if (earlier) return refuse(earlier, `event ${undoOf} is already undone or being undone`);
  return { ok: true };
}

/** Who undid the event (or is undoing it: an intent with no outcome yet), as the message to show; null when nobody. */
async function undoneBy(tx: Db | Prisma.TransactionClient, eventId: string): Promise<string | null> {
  const links = await tx.auditEvent.findMany({
    where: {
      outcome: { in: ["success", "pending"] },
      targets: { array_contains: [{ type: UNDO_TARGET_TYPE, id: eventId }] },
    },
    select: { id: true, outcome: true, at: true, actorName: true },
    orderBy: { seq: "asc" },
  });
  const done = links.find((l) => l.outcome === "success");
  if (done) {
    const when = done.at.toISOString().replace("T", " ").slice(0, 19);
    return `Already undone by ${done.actorName ?? "someone"} at ${when} UTC.`;
  }
  const pending = links.filter((l) => l.outcome === "pending").map((l) => l.id);
  if (!pending.length) return null;
  const settled = await tx.auditEvent.findMany({
    where: { correlationId: { in: pending } },
    select: { correlationId: true },
  });
  const open = pending.filter((id) => !settled.some((s) => s.correlationId === id));
  return open.length ? "An undo of this event is already in progress." : null;
}
