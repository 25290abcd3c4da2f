import type { UndoableEvent } from "../undo/inverse";
import type { ReplacedAssociation } from "./association-audit";

// The inputs of TruGrid's inverse actions, built from the audited event
// alone (pure, so tested without a console around them).

type Before = Record<string, { mfa?: string; udp?: string }>;
type After = { succeeded?: string[] };

/**
 * The users a change reached and did not already have: a user the console
 * knew to be in the new state before is left alone by the undo. For users
 * whose state was unknown the undo sets the opposite, the one state the
 * console knows they were not in after the change.
 */
export function flipInput(e: UndoableEvent, field: "mfa" | "udp", now: "on" | "off") {
  const before = (e.before ?? {}) as Before;
  const upns = ((e.after ?? {}) as After).succeeded?.filter((u) => before[u]?.[field] !== now) ?? [];
  return upns.length && e.tenantId ? { tenantId: e.tenantId, upns } : null;
}

/** TruGrid has no call that removes one association, so only a replaced machine can be put back (associationAfter records them). */
export function restoreInput(e: UndoableEvent) {
  const replaced = ((e.after ?? {}) as { replaced?: ReplacedAssociation[] }).replaced ?? [];
  if (!replaced.length || !e.tenantId) return null;
  return { tenantId: e.tenantId, items: replaced.map((r) => ({ userUpn: r.userUpn, groupName: r.groupName, machineName: r.previousMachine })) };
}
