import "server-only";
import type { Inverse, InverseMap, UndoableEvent } from "../undo/inverse";
import {
  archiveTwingateDevice, blockTwingateDevice, trustTwingateDevice, unarchiveTwingateDevice, unblockTwingateDevice, untrustTwingateDevice,
} from "./device-actions";
import { addTwingateGroupMembers, removeTwingateGroupMembers } from "./group-actions";
import { setTwingateUserRole, setTwingateUserState } from "./user-actions";

const targetId = (e: UndoableEvent, type: string) => (e.targets as { type: string; id: string }[] | null)?.find((t) => t.type === type)?.id ?? null;

function deviceInverse(label: string, run: (input: never) => Promise<unknown>): Inverse {
  return {
    label,
    plan: (e) => {
      const deviceId = targetId(e, "twingate_device");
      return e.tenantId && deviceId ? { run: run as never, input: { tenantId: e.tenantId, deviceId } } : null;
    },
  };
}

/** Twingate's reversible actions, keyed by audit action name, spread into lib/undo/registry.ts. */
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
  "twingate.device.blocked": deviceInverse("Unblock", unblockTwingateDevice as never),
  "twingate.device.unblocked": deviceInverse("Block again", blockTwingateDevice as never),
  "twingate.device.archived": deviceInverse("Unarchive", unarchiveTwingateDevice as never),
  "twingate.device.unarchived": deviceInverse("Archive again", archiveTwingateDevice as never),
  "twingate.device.trusted": deviceInverse("Untrust", untrustTwingateDevice as never),
  "twingate.device.untrusted": deviceInverse("Trust again", trustTwingateDevice as never),
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
