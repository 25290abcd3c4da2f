import "server-only";
import type { InverseMap, UndoableEvent } from "../undo/inverse";
import { addAssociation, removeAssociation } from "./association-actions";
import { updateUserDetails } from "./user-actions";

// How JumpCloud changes are undone: each inverse is the opposite console
// action, built from what the undone event recorded.

const userOf = (e: UndoableEvent) => ((e.targets ?? []) as { type: string; id: string }[]).find((t) => t.type === "jumpcloud_user")?.id ?? null;
const was = (e: UndoableEvent) => (e.before ?? {}) as Record<string, unknown>;

const pair = (e: UndoableEvent) => {
  const b = was(e);
  return e.tenantId && typeof b.fromId === "string" && typeof b.toId === "string"
    ? { tenantId: e.tenantId, fromType: b.fromType, fromId: b.fromId, toType: b.toType, toId: b.toId } : null;
};

export const JUMPCLOUD_INVERSES: InverseMap = {
  "jumpcloud.user.updated": {
    label: "Restore details",
    plan: (e) => {
      const userId = userOf(e);
      // The event holds only the fields that changed, with their old values: send those back.
      return e.tenantId && userId ? { run: updateUserDetails as never, input: { tenantId: e.tenantId, userId, ...was(e) } } : null;
    },
  },
  "jumpcloud.association.added": {
    label: "Remove association",
    plan: (e) => { const p = pair(e); return p ? { run: removeAssociation as never, input: p } : null; },
  },
  "jumpcloud.association.removed": {
    label: "Associate again",
    plan: (e) => { const p = pair(e); return p ? { run: addAssociation as never, input: p } : null; },
  },
};
