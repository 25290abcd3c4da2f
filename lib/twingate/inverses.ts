import "server-only";
import type { InverseMap, UndoableEvent } from "../undo/inverse";
import { addTwingateGroupMembers, removeTwingateGroupMembers } from "./group-actions";
import { setTwingateUserRole, setTwingateUserState } from "./user-actions";

const targetId = (e: UndoableEvent, type: string) => (e.targets as { type: string; id: string }[] | null)?.find((t) => t.type === type)?.id ?? null;

/** Twingate's reversible actions not yet in the operation catalogue (devices are), spread into lib/undo/registry.ts. */
export const TWINGATE_INVERSES: InverseMap = {
  "twingate.user.state_changed": {
    label: "Restore the previous state",
    plan: (e) => {
      const userId = targetId(e, "twingate_user");
      const state = (e.before as { state?: string } | null)?.state;
      // A PENDING user (invited, not yet signed in) cannot be set back to pending.
      if (!e.tenantId || !userId || (state !== "ACTIVE" && state !== "DISABLED")) return null;
      return { run: setTwingateUserState as never, input: { tenantId: e.tenantId, userId, state } };
    },
  },
  "twingate.user.role_changed": {
    label: "Restore the previous role",
    plan: (e) => {
      const userId = targetId(e, "twingate_user");
      const role = (e.before as { role?: string } | null)?.role;
      return e.tenantId && userId && role ? { run: setTwingateUserRole as never, input: { tenantId: e.tenantId, userId, role } } : null;
    },
  },
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
