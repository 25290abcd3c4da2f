import type { AuditTarget } from "../audit/event";

/**
 * An event's targets named once each: the items of one call often share one
 * (the group a list of members joins), and the log names each object once.
 */
export function distinctTargets(targets: AuditTarget[]): AuditTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.type}\u0000${t.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
