import jumpcloudActivateUser from "./jumpcloud/activate-user";
import jumpcloudAddAssociation from "./jumpcloud/add-association";
import jumpcloudAddGroupMember from "./jumpcloud/add-group-member";
import jumpcloudBulkCreateUsers from "./jumpcloud/bulk-create-users";
import jumpcloudBulkExpirePasswords from "./jumpcloud/bulk-expire-passwords";
import jumpcloudBulkUnlockUsers from "./jumpcloud/bulk-unlock-users";
import jumpcloudBulkUpdateUsers from "./jumpcloud/bulk-update-users";
import jumpcloudCancelScheduledStates from "./jumpcloud/cancel-scheduled-states";
import jumpcloudCreateGroup from "./jumpcloud/create-group";
import jumpcloudCreateUser from "./jumpcloud/create-user";
import jumpcloudDeleteGroup from "./jumpcloud/delete-group";
import jumpcloudDeleteUser from "./jumpcloud/delete-user";
import jumpcloudEraseSystem from "./jumpcloud/erase-system";
import jumpcloudExpirePassword from "./jumpcloud/expire-password";
import jumpcloudLockSystem from "./jumpcloud/lock-system";
import jumpcloudMdmClearActivationLock from "./jumpcloud/mdm-clear-activation-lock";
import jumpcloudMdmErase from "./jumpcloud/mdm-erase";
import jumpcloudMdmLock from "./jumpcloud/mdm-lock";
import jumpcloudMdmOsUpdateStatus from "./jumpcloud/mdm-os-update-status";
import jumpcloudMdmRefreshActivationLock from "./jumpcloud/mdm-refresh-activation-lock";
import jumpcloudMdmRefreshDepDevices from "./jumpcloud/mdm-refresh-dep-devices";
import jumpcloudMdmRestart from "./jumpcloud/mdm-restart";
import jumpcloudMdmScheduleOsUpdate from "./jumpcloud/mdm-schedule-os-update";
import jumpcloudMdmShutDown from "./jumpcloud/mdm-shut-down";
import jumpcloudReactivateUser from "./jumpcloud/reactivate-user";
import jumpcloudRemoveAssociation from "./jumpcloud/remove-association";
import jumpcloudRemoveGroupMember from "./jumpcloud/remove-group-member";
import jumpcloudResetMfa from "./jumpcloud/reset-mfa";
import jumpcloudRestartSystem from "./jumpcloud/restart-system";
import jumpcloudScheduleUserStates from "./jumpcloud/schedule-user-states";
import jumpcloudSetPassword from "./jumpcloud/set-password";
import jumpcloudShutDownSystem from "./jumpcloud/shut-down-system";
import jumpcloudSuspendUser from "./jumpcloud/suspend-user";
import jumpcloudUnlockUser from "./jumpcloud/unlock-user";
import jumpcloudUpdateGroup from "./jumpcloud/update-group";
import jumpcloudUpdateUser from "./jumpcloud/update-user";
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
import truuLookUpUser from "./truu/look-up-user";
import twingateAddGroupMembers from "./twingate/add-group-members";
import twingateAddGroupResources from "./twingate/add-group-resources";
import twingateAddResourceAccess from "./twingate/add-resource-access";
import twingateApproveAccessRequest from "./twingate/approve-access-request";
import twingateArchiveDevice from "./twingate/archive-device";
import twingateBlockDevice from "./twingate/block-device";
import twingateChangePolicyGroups from "./twingate/change-policy-groups";
import twingateCreateConnector from "./twingate/create-connector";
import twingateCreateGroup from "./twingate/create-group";
import twingateCreateRemoteNetwork from "./twingate/create-remote-network";
import twingateCreateResource from "./twingate/create-resource";
import twingateCreateServiceAccount from "./twingate/create-service-account";
import twingateCreateServiceKey from "./twingate/create-service-key";
import twingateCreateUser from "./twingate/create-user";
import twingateDeleteConnector from "./twingate/delete-connector";
import twingateDeleteGroup from "./twingate/delete-group";
import twingateDeleteRemoteNetwork from "./twingate/delete-remote-network";
import twingateDeleteResource from "./twingate/delete-resource";
import twingateDeleteServiceAccount from "./twingate/delete-service-account";
import twingateDeleteServiceKey from "./twingate/delete-service-key";
import twingateDeleteUser from "./twingate/delete-user";
import twingateGenerateConnectorTokens from "./twingate/generate-connector-tokens";
import twingateRejectAccessRequest from "./twingate/reject-access-request";
import twingateRemoveGroupMembers from "./twingate/remove-group-members";
import twingateRemoveGroupResources from "./twingate/remove-group-resources";
import twingateRemoveResourceAccess from "./twingate/remove-resource-access";
import twingateRenameServiceAccount from "./twingate/rename-service-account";
import twingateRenameServiceKey from "./twingate/rename-service-key";
import twingateRenameUser from "./twingate/rename-user";
import twingateRevokeServiceKey from "./twingate/revoke-service-key";
import twingateSetGroupPolicy from "./twingate/set-group-policy";
import twingateSetResourceAccess from "./twingate/set-resource-access";
import twingateSetUserRole from "./twingate/set-user-role";
import twingateSetUserState from "./twingate/set-user-state";
import twingateTrustDevice from "./twingate/trust-device";
import twingateUnarchiveDevice from "./twingate/unarchive-device";
import twingateUnblockDevice from "./twingate/unblock-device";
import twingateUntrustDevice from "./twingate/untrust-device";
import twingateUpdateConnector from "./twingate/update-connector";
import twingateUpdateGroup from "./twingate/update-group";
import twingateUpdateRemoteNetwork from "./twingate/update-remote-network";
import twingateUpdateResource from "./twingate/update-resource";

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
  truuLookUpUser,
  twingateSetUserState,
  twingateSetUserRole,
  twingateRenameUser,
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
  // The network admin's page-only operations (no bulk yet).
  twingateCreateRemoteNetwork,
  twingateUpdateRemoteNetwork,
  twingateDeleteRemoteNetwork,
  twingateUpdateConnector,
  twingateCreateConnector,
  twingateGenerateConnectorTokens,
  twingateDeleteConnector,
  twingateApproveAccessRequest,
  twingateRejectAccessRequest,
  twingateChangePolicyGroups,
  twingateCreateResource,
  twingateUpdateResource,
  twingateDeleteResource,
  twingateAddResourceAccess,
  twingateSetResourceAccess,
  twingateRemoveResourceAccess,
  twingateCreateServiceAccount,
  twingateRenameServiceAccount,
  twingateDeleteServiceAccount,
  twingateCreateServiceKey,
  twingateRenameServiceKey,
  twingateRevokeServiceKey,
  twingateDeleteServiceKey,
  jumpcloudSuspendUser,
  jumpcloudReactivateUser,
  jumpcloudUnlockUser,
  jumpcloudResetMfa,
  jumpcloudExpirePassword,
  jumpcloudSetPassword,
  jumpcloudAddGroupMember,
  jumpcloudRemoveGroupMember,
  jumpcloudCreateUser,
  jumpcloudAddAssociation,
  jumpcloudRemoveAssociation,
  // Page only: the system page's commands.
  jumpcloudLockSystem,
  jumpcloudRestartSystem,
  jumpcloudShutDownSystem,
  jumpcloudEraseSystem,
  jumpcloudMdmLock,
  jumpcloudMdmRestart,
  jumpcloudMdmRefreshActivationLock,
  jumpcloudMdmOsUpdateStatus,
  jumpcloudMdmScheduleOsUpdate,
  jumpcloudMdmRefreshDepDevices,
  jumpcloudMdmShutDown,
  jumpcloudMdmErase,
  jumpcloudMdmClearActivationLock,
  // Page only: JumpCloud's own bulk jobs (the JumpCloud bulk page), and the undo of a scheduled change.
  jumpcloudBulkUnlockUsers,
  jumpcloudBulkExpirePasswords,
  jumpcloudScheduleUserStates,
  jumpcloudCancelScheduledStates,
  jumpcloudBulkCreateUsers,
  jumpcloudBulkUpdateUsers,
  // Page only: a user's and a group's page.
  jumpcloudActivateUser,
  jumpcloudUpdateUser,
  jumpcloudDeleteUser,
  jumpcloudCreateGroup,
  jumpcloudUpdateGroup,
  jumpcloudDeleteGroup,
];

const byId = new Map<string, AnyOperation>(OPERATIONS.map((op) => [op.id, op]));

export function operationById(id: string): AnyOperation | undefined {
  return byId.get(id);
}
