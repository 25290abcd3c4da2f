import "server-only";
import type { InverseMap, UndoableEvent } from "../undo/inverse";
import { addTwingateGroupMembers, removeTwingateGroupMembers } from "./group-actions";

const targetId = (e: UndoableEvent, type: string) => (e.targets as { type: string; id: string }[] | null)?.find((t) => t.type === type)?.id ?? null;

/** Twingate's reversible actions not yet in the operation catalogue (devices and users are), spread into lib/undo/registry.ts. */
export const TWINGATE_INVERSES: InverseMap = {
  "twingate.group.members_added": {
    label: "Remove them again",
    plan: (e) => {
      const groupId = targetId(e, "twingate_group");
      const userIds = (e.after as { added?: string[] } | null)?.added;
      return e.tenantId && groupId && userIds?.length ? { run: removeTwingateGroupMembers as never, input: { tenantId: e.tenantId, groupId, userIds } } : null;
    },
  },
  "twingate.group.members_removed": {
    label: "Add them back",
    plan: (e) => {
      const groupId = targetId(e, "twingate_group");
      const userIds = (e.after as { removed?: string[] } | null)?.removed;
      return e.tenantId && groupId && userIds?.length ? { run: addTwingateGroupMembers as never, input: { tenantId: e.tenantId, groupId, userIds } } : null;
    },
  },
};
