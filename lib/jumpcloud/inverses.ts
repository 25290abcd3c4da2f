import "server-only";
import type { InverseMap, UndoableEvent } from "../undo/inverse";
import { addAssociation, removeAssociation } from "./association-actions";
import { cancelScheduledStates } from "./bulk-actions";

// How JumpCloud changes are undone: each inverse is the opposite console
// action, built from what the undone event recorded.

const was = (e: UndoableEvent) => (e.before ?? {}) as Record<string, unknown>;

const pair = (e: UndoableEvent) => {
  const b = was(e);
  return e.tenantId && typeof b.fromId === "string" && typeof b.toId === "string"
    ? { tenantId: e.tenantId, fromType: b.fromType, fromId: b.fromId, toType: b.toType, toId: b.toId } : null;
};

export const JUMPCLOUD_INVERSES: InverseMap = {
  "jumpcloud.association.added": {
    label: "Remove association",
    plan: (e) => { const p = pair(e); return p ? { run: removeAssociation as never, input: p } : null; },
  },
  "jumpcloud.bulk.states_scheduled": {
    label: "Cancel the scheduled change",
    plan: (e) => {
      const ids = (e.after as { scheduledJobIds?: unknown } | null)?.scheduledJobIds;
      return e.tenantId && Array.isArray(ids) && ids.length ? { run: cancelScheduledStates as never, input: { tenantId: e.tenantId, scheduledJobIds: ids } } : null;
    },
  },
  "jumpcloud.association.removed": {
    label: "Associate again",
    plan: (e) => { const p = pair(e); return p ? { run: addAssociation as never, input: p } : null; },
  },
};
