import { type AuditAction, FORMER_ACTIONS } from "./event-types";

/**
 * Audit action names that events were once recorded under, each with the name
 * the same change is recorded under now. The log is append-only and hashed,
 * so an old event keeps its name: whatever looks an event's action up (its
 * undo, the Undo button, the log's action filter) goes through here.
 */
export const RENAMED_ACTIONS: ReadonlyMap<string, AuditAction> = new Map(Object.entries(FORMER_ACTIONS));

/** The name an event's change is recorded under now. */
export function currentActionName(action: string): string {
  return RENAMED_ACTIONS.get(action) ?? action;
}

/** The former names of the actions whose current name starts with `prefix` (the log filters actions by prefix). */
export function formerNamesOf(prefix: string): string[] {
  return [...RENAMED_ACTIONS].filter(([, now]) => now.startsWith(prefix)).map(([old]) => old);
}
