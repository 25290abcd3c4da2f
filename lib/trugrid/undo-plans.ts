import type { UndoableEvent } from "../undo/inverse";
import type { ReplacedAssociation } from "./association-audit";

// The inputs of TruGrid's inverse actions, built from the audited event
// alone (pure, so tested without a console around them).

/** TruGrid has no call that removes one association, so only a replaced machine can be put back (associationAfter records them). */
export function restoreInput(e: UndoableEvent) {
  const replaced = ((e.after ?? {}) as { replaced?: ReplacedAssociation[] }).replaced ?? [];
  if (!replaced.length || !e.tenantId) return null;
  return { tenantId: e.tenantId, items: replaced.map((r) => ({ userUpn: r.userUpn, groupName: r.groupName, machineName: r.previousMachine })) };
}
