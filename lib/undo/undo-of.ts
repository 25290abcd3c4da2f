import { z } from "zod";
import type { AuditTarget } from "../audit/event";

/**
 * The optional input field an undoable action's inverse accepts: the audit
 * event being undone. runAction adds it to the new event's targets, so the
 * log links an undo to what it undid (and an event is never undone twice).
 */
export const UndoOf = z.uuid().optional();

export const UNDO_TARGET_TYPE = "audit_event";

export function undoTarget(eventId: string): AuditTarget {
  return { type: UNDO_TARGET_TYPE, id: eventId, label: "undo of this event" };
}

/** Whether a target is the link to the event `undoOf` names. */
export function isUndoLink(target: AuditTarget, undoOf: unknown): boolean {
  return target.type === UNDO_TARGET_TYPE && target.id === undoOf;
}
