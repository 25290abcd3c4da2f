import type { BulkOperation } from "../bulk/operation";
import { toBulkOperation } from "../operations/derive/bulk";
import suspendUser from "../operations/jumpcloud/suspend-user";
import removeMachineAssociation from "../operations/trugrid/remove-machine-association";
import turnOffMfa from "../operations/trugrid/turn-off-mfa";
import truuDeleteDevice from "../operations/truu/delete-device";
import blockDevice from "../operations/twingate/block-device";
import setUserState from "../operations/twingate/set-user-state";
import { jumpcloudRemoveFromGroup } from "./steps";

type AnyOp = BulkOperation<Record<string, unknown>>;

const step = (op: unknown, label: string) => ({ op: op as AnyOp, label, undoable: !(op as AnyOp).audit.irreversible });

/**
 * The steps in the order they run: identities first (nobody can sign in
 * while the rest happens), then access, then devices, and last the one step
 * that cannot be undone (as its operation declares).
 */
export const OFFBOARDING_STEPS: { op: AnyOp; label: string; undoable: boolean }[] = [
  step(toBulkOperation(suspendUser), "JumpCloud: suspend user"),
  step(toBulkOperation(setUserState), "Twingate: disable user"),
  step(toBulkOperation(turnOffMfa), "TruGrid: turn MFA off"),
  step(toBulkOperation(removeMachineAssociation), "TruGrid: remove machine association"),
  step(jumpcloudRemoveFromGroup, "JumpCloud: remove from group"),
  step(toBulkOperation(blockDevice), "Twingate: block device"),
  step(toBulkOperation(truuDeleteDevice), "TruU: delete device"),
];

export const OFFBOARDING_ID = "offboarding";

export function stepInfo(operation: string | null) {
  return OFFBOARDING_STEPS.find((s) => s.op.id === operation) ?? null;
}
