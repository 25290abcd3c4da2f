import type { BulkOperation } from "../bulk/operation";
import { toBulkOperation } from "../operations/derive/bulk";
import removeAssociation from "../operations/jumpcloud/remove-association";
import removeGroupMember from "../operations/jumpcloud/remove-group-member";
import suspendUser from "../operations/jumpcloud/suspend-user";
import type { UserState } from "../operations/trugrid/_user-state";
import removeMachineAssociation from "../operations/trugrid/remove-machine-association";
import turnOffMfa from "../operations/trugrid/turn-off-mfa";
import truuDeleteDevice from "../operations/truu/delete-device";
import blockDevice from "../operations/twingate/block-device";
import removeGroupMembers from "../operations/twingate/remove-group-members";
import setUserState from "../operations/twingate/set-user-state";

type AnyOp = BulkOperation<Record<string, unknown>>;

interface Step {
  op: AnyOp;
  label: string;
  undoable: boolean;
  /** A row already done by what its plan's before says (the runbook skips it; a sheet of the operation still sends). */
  skipWhen?: (before: unknown) => boolean;
}

const step = (op: unknown, label: string, skipWhen?: Step["skipWhen"]): Step => ({
  op: op as AnyOp,
  label,
  undoable: !(op as AnyOp).audit.irreversible,
  skipWhen,
});

/** MFA the console itself last turned off: TruGrid has no read of MFA, so the cache's record of it is what is known. */
const mfaAlreadyOff = (before: unknown) => (before as Partial<UserState> | null)?.mfa === "off";

/**
 * The steps in the order they run: identities first (nobody can sign in
 * while the rest happens), then access, then devices, and last the one step
 * that cannot be undone (as its operation declares).
 */
export const OFFBOARDING_STEPS: Step[] = [
  step(toBulkOperation(suspendUser), "JumpCloud: suspend user"),
  step(toBulkOperation(setUserState), "Twingate: disable user"),
  step(toBulkOperation(turnOffMfa), "TruGrid: turn MFA off", mfaAlreadyOff),
  step(toBulkOperation(removeMachineAssociation), "TruGrid: remove machine association"),
  step(toBulkOperation(removeGroupMember), "JumpCloud: remove from group"),
  step(toBulkOperation(removeAssociation), "JumpCloud: unbind from system"),
  step(toBulkOperation(removeGroupMembers), "Twingate: remove from group"),
  step(toBulkOperation(blockDevice), "Twingate: block device"),
  step(toBulkOperation(truuDeleteDevice), "TruU: delete device"),
];

export const OFFBOARDING_ID = "offboarding";

export function stepInfo(operation: string | null) {
  return OFFBOARDING_STEPS.find((s) => s.op.id === operation) ?? null;
}
