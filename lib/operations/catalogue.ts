import jumpcloudAddGroupMember from "./jumpcloud/add-group-member";
import jumpcloudExpirePassword from "./jumpcloud/expire-password";
import jumpcloudReactivateUser from "./jumpcloud/reactivate-user";
import jumpcloudRemoveGroupMember from "./jumpcloud/remove-group-member";
import jumpcloudResetMfa from "./jumpcloud/reset-mfa";
import jumpcloudSuspendUser from "./jumpcloud/suspend-user";
import jumpcloudUnlockUser from "./jumpcloud/unlock-user";
import type { AnyOperation } from "./operation";
import trugridAddAssignments from "./trugrid/add-assignments";
import trugridDisableUdp from "./trugrid/disable-udp";
import trugridEnableUdp from "./trugrid/enable-udp";
import trugridResetMfa from "./trugrid/reset-mfa";
import trugridSetMachineAssociations from "./trugrid/set-machine-associations";
import trugridTurnOffMfa from "./trugrid/turn-off-mfa";
import trugridTurnOnMfa from "./trugrid/turn-on-mfa";
import truuDeleteDevice from "./truu/delete-device";
import truuDeleteUser from "./truu/delete-user";
import twingateAddGroupMembers from "./twingate/add-group-members";
import twingateAddGroupResources from "./twingate/add-group-resources";
import twingateArchiveDevice from "./twingate/archive-device";
import twingateBlockDevice from "./twingate/block-device";
import twingateCreateGroup from "./twingate/create-group";
import twingateCreateUser from "./twingate/create-user";
import twingateDeleteGroup from "./twingate/delete-group";
import twingateDeleteUser from "./twingate/delete-user";
import twingateRemoveGroupMembers from "./twingate/remove-group-members";
import twingateRemoveGroupResources from "./twingate/remove-group-resources";
import twingateSetGroupPolicy from "./twingate/set-group-policy";
import twingateSetUserRole from "./twingate/set-user-role";
import twingateSetUserState from "./twingate/set-user-state";
import twingateTrustDevice from "./twingate/trust-device";
import twingateUnarchiveDevice from "./twingate/unarchive-device";
import twingateUnblockDevice from "./twingate/unblock-device";
import twingateUntrustDevice from "./twingate/untrust-device";
import twingateUpdateGroup from "./twingate/update-group";

/**
 * Every vendor operation, in the order the Bulk page offers them. Adding an
 * operation is one module and its line here; its server action is one line
 * in its vendor's actions file, and every other surface is derived.
 */
export const OPERATIONS: readonly AnyOperation[] = [
  trugridTurnOnMfa,
  trugridTurnOffMfa,
  trugridResetMfa,
  trugridEnableUdp,
  trugridDisableUdp,
  trugridSetMachineAssociations,
  trugridAddAssignments,
  truuDeleteDevice,
  truuDeleteUser,
  twingateSetUserState,
  twingateSetUserRole,
  twingateCreateUser,
  twingateDeleteUser,
  twingateBlockDevice,
  twingateUnblockDevice,
  twingateArchiveDevice,
  twingateUnarchiveDevice,
  twingateTrustDevice,
  twingateUntrustDevice,
  twingateAddGroupMembers,
  twingateRemoveGroupMembers,
  twingateCreateGroup,
  twingateUpdateGroup,
  twingateDeleteGroup,
  twingateAddGroupResources,
  twingateRemoveGroupResources,
  twingateSetGroupPolicy,
  jumpcloudSuspendUser,
  jumpcloudReactivateUser,
  jumpcloudUnlockUser,
  jumpcloudResetMfa,
  jumpcloudExpirePassword,
  jumpcloudAddGroupMember,
  jumpcloudRemoveGroupMember,
];

const byId = new Map<string, AnyOperation>(OPERATIONS.map((op) => [op.id, op]));

export function operationById(id: string): AnyOperation | undefined {
  return byId.get(id);
}
