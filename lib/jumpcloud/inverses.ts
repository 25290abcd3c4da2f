import "server-only";
import type { InverseMap } from "../undo/inverse";
import { cancelScheduledStates } from "./bulk-actions";

// How JumpCloud changes are undone: each inverse is the opposite console
// action, built from what the undone event recorded.

export const JUMPCLOUD_INVERSES: InverseMap = {
  "jumpcloud.bulk.states_scheduled": {
    label: "Cancel the scheduled change",
    plan: (e) => {
      const ids = (e.after as { scheduledJobIds?: unknown } | null)?.scheduledJobIds;
      return e.tenantId && Array.isArray(ids) && ids.length ? { run: cancelScheduledStates as never, input: { tenantId: e.tenantId, scheduledJobIds: ids } } : null;
    },
  },
};
