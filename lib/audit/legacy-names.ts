/**
 * Audit action names that events were once recorded under, each with the name
 * the same change is recorded under now. The log is append-only and hashed,
 * so an old event keeps its name: whatever looks an event's action up (its
 * undo, the Undo button, the log's action filter) goes through here.
 */
export const RENAMED_ACTIONS: ReadonlyMap<string, string> = new Map([
  // Bulk RDP-over-UDP rows, before they were audited under the users page's own names.
  ["trugrid.udp.turned_on", "trugrid.udp.enabled"],
  ["trugrid.udp.turned_off", "trugrid.udp.disabled"],
]);

/** The name an event's change is recorded under now. */
export function currentActionName(action: string): string {
  return RENAMED_ACTIONS.get(action) ?? action;
}

/** The former names of the actions whose current name starts with `prefix` (the log filters actions by prefix). */
export function formerNamesOf(prefix: string): string[] {
  return [...RENAMED_ACTIONS].filter(([, now]) => now.startsWith(prefix)).map(([old]) => old);
}
