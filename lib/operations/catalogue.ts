import jumpcloudAddGroupMember from "./jumpcloud/add-group-member";
import jumpcloudExpirePassword from "./jumpcloud/expire-password";
import jumpcloudReactivateUser from "./jumpcloud/reactivate-user";
import jumpcloudRemoveGroupMember from "./jumpcloud/remove-group-member";
import jumpcloudResetMfa from "./jumpcloud/reset-mfa";
import jumpcloudSuspendUser from "./jumpcloud/suspend-user";
import jumpcloudUnlockUser from "./jumpcloud/unlock-user";
import type { AnyOperation } from "./operation";
import trugridAddAssignments from "./trugrid/add-assignments";
import trugridAddUpnSuffixes from "./trugrid/add-upn-suffixes";
import trugridClearAppAssociations from "./trugrid/clear-app-associations";
import trugridClearMachineAssociations from "./trugrid/clear-machine-associations";
import trugridDisableUdp from "./trugrid/disable-udp";
import trugridEnableUdp from "./trugrid/enable-udp";
import trugridLookUpLogonIps from "./trugrid/look-up-logon-ips";
import trugridRefreshActiveDirectory from "./trugrid/refresh-active-directory";
import trugridRefreshAllowLists from "./trugrid/refresh-allow-lists";
import trugridRefreshApplications from "./trugrid/refresh-applications";
import trugridReloadAssociations from "./trugrid/reload-associations";
import trugridRemoveMachineAssociation from "./trugrid/remove-machine-association";
import trugridResetMfa from "./trugrid/reset-mfa";
import trugridSetDomainUdp from "./trugrid/set-domain-udp";
import trugridSetMachineAssociations from "./trugrid/set-machine-associations";
import trugridSyncAddedAdMachineGroups from "./trugrid/sync-added-ad-machine-groups";
import trugridSyncAddedAdMachines from "./trugrid/sync-added-ad-machines";
import trugridSyncAddedAdUserGroups from "./trugrid/sync-added-ad-user-groups";
import trugridSyncAddedAdUsers from "./trugrid/sync-added-ad-users";
import trugridTurnOffMfa from "./trugrid/turn-off-mfa";
import trugridTurnOnMfa from "./trugrid/turn-on-mfa";
import truuDeleteDevice from "./truu/delete-device";
import truuDeleteUser from "./truu/delete-user";
import twingateArchiveDevice from "./twingate/archive-device";
import twingateBlockDevice from "./twingate/block-device";
import twingateSetUserRole from "./twingate/set-user-role";
import twingateSetUserState from "./twingate/set-user-state";
import twingateTrustDevice from "./twingate/trust-device";
import twingateUnarchiveDevice from "./twingate/unarchive-device";
import twingateUnblockDevice from "./twingate/unblock-device";
import twingateUntrustDevice from "./twingate/untrust-device";

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
  trugridSetDomainUdp,
  trugridSetMachineAssociations,
  trugridRemoveMachineAssociation,
  trugridClearMachineAssociations,
  trugridSyncAddedAdUsers,
  trugridSyncAddedAdMachines,
  trugridSyncAddedAdUserGroups,
  trugridSyncAddedAdMachineGroups,
  trugridRefreshActiveDirectory,
  trugridRefreshApplications,
  trugridClearAppAssociations,
  trugridAddUpnSuffixes,
  trugridAddAssignments,
  trugridReloadAssociations,
  trugridLookUpLogonIps,
  trugridRefreshAllowLists,
  truuDeleteDevice,
  truuDeleteUser,
  twingateSetUserState,
  twingateSetUserRole,
  twingateBlockDevice,
  twingateUnblockDevice,
  twingateArchiveDevice,
  twingateUnarchiveDevice,
  twingateTrustDevice,
  twingateUntrustDevice,
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
