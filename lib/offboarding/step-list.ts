import type { BulkOperation } from "../bulk/operation";
import { jumpcloudSuspend } from "../bulk/operations/jumpcloud-users";
import { trugridMfaOff } from "../bulk/operations/trugrid-users";
import { truuDeleteDevices } from "../bulk/operations/truu-devices";
import { twingateDeviceBlock } from "../bulk/operations/twingate-devices";
import { twingateUserState } from "../bulk/operations/twingate-users";
import { jumpcloudRemoveFromGroup, trugridRemoveAssociation } from "./steps";

type AnyOp = BulkOperation<Record<string, unknown>>;

/**
 * The steps in the order they run: identities first (nobody can sign in
 * while the rest happens), then access, then devices, and last the one step
 * that cannot be undone.
 */
export const OFFBOARDING_STEPS = [
  { op: jumpcloudSuspend, label: "JumpCloud: suspend user", undoable: true },
  { op: twingateUserState, label: "Twingate: disable user", undoable: true },
  { op: trugridMfaOff, label: "TruGrid: turn MFA off", undoable: true },
  { op: trugridRemoveAssociation, label: "TruGrid: remove machine association", undoable: true },
  { op: jumpcloudRemoveFromGroup, label: "JumpCloud: remove from group", undoable: true },
  { op: twingateDeviceBlock, label: "Twingate: block device", undoable: true },
  { op: truuDeleteDevices, label: "TruU: delete device", undoable: false },
] as unknown as { op: AnyOp; label: string; undoable: boolean }[];

export const OFFBOARDING_ID = "offboarding";

export function stepInfo(operation: string | null) {
  return OFFBOARDING_STEPS.find((s) => s.op.id === operation) ?? null;
}
