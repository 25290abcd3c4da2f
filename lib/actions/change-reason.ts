/**
 * The reason or ticket number a staff member gives for a change. It travels beside an action's own input, under one
 * field name for every action (a form field, or a member of the input object), so that no action's schema has to
 * declare it: runAction takes it out before the input is validated and writes it on the action's audit events.
 */
export const CHANGE_REASON_FIELD = "changeReason";

export const CHANGE_REASON_MAX = 500;

/** What a tenant that requires a reason says to a change without one. */
export const REASON_REQUIRED =
  "This tenant asks for a reason or ticket number with every change. Add one and send again.";

export type ReasonRead =
  | { ok: true; reason: string | null; rest: unknown }
  | { ok: false; error: string; rest: unknown };

/**
 * Takes the reason out of a raw input (an object or form fields already made an object). Whitespace runs, line breaks
 * and control characters become single spaces: the reason is one line in the log and in exports.
 */
export function takeChangeReason(raw: unknown): ReasonRead {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || !(CHANGE_REASON_FIELD in raw))
    return { ok: true, reason: null, rest: raw };
  const { [CHANGE_REASON_FIELD]: value, ...rest } = raw as Record<string, unknown>;
  if (value === undefined || value === null) return { ok: true, reason: null, rest };
  if (typeof value !== "string") return { ok: false, error: "The reason must be text.", rest };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
  const reason = value.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
  if (reason.length > CHANGE_REASON_MAX)
    return { ok: false, error: `Keep the reason to ${CHANGE_REASON_MAX} characters.`, rest };
  return { ok: true, reason: reason || null, rest };
}
