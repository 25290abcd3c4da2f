import type { Result } from "../actions/result";
import type { HashedFields } from "../audit/event";
import { currentActionName } from "../audit/legacy-names";

/** What an inverse needs from the event it undoes: what was done, to what, and the state before. */
export type UndoableEvent = Pick<
  HashedFields,
  "id" | "action" | "tenantId" | "vendor" | "targets" | "before" | "after"
>;

/**
 * How to reverse one kind of audited action: which action to run with which
 * input, built from the event's before/after. The inverse is an ordinary
 * wrapped action, so it is authorised, validated and audited like any other.
 */
export interface Inverse {
  /** Shown on the Undo button, e.g. "Turn MFA back on". */
  label: string;
  plan: (
    event: UndoableEvent,
  ) => { run: (input: never) => Promise<Result<unknown>>; input: Record<string, unknown> } | null;
}

export type InverseMap = Record<string, Inverse>;

/**
 * The inverse of an event's action, the event named as it was logged: an old name finds the inverse of the name it
 * has now.
 */
export function inverseFor(inverses: InverseMap, action: string): Inverse | undefined {
  const name = currentActionName(action);
  return Object.hasOwn(inverses, name) ? inverses[name] : undefined;
}
