import { createCore, type JcCore, type JumpCloudClientOptions, type V1ListQuery } from "./core";
import * as accessRequests from "./resources/access-requests";
import * as appleMdm from "./resources/apple-mdm";
import * as bulkJobs from "./resources/bulk-jobs";
import * as graph from "./resources/graph";
import * as groups from "./resources/groups";
import * as push from "./resources/push";
import * as systems from "./resources/systems";
import * as users from "./resources/users";
import type { JumpCloudCredentials } from "./transport";

export type { AccessRequestInput } from "./resources/access-requests";
export type { MdmDeviceAction } from "./resources/apple-mdm";
export type { GraphSource } from "./resources/graph";
export type { GroupInput, GroupKind, V2ListQuery } from "./resources/groups";
export type { BuiltinCommand } from "./resources/systems";
export type { SearchUsersBody, SystemUserPut, SystemUserPutPost } from "./resources/users";
export type { JumpCloudClientOptions, JumpCloudCredentials, V1ListQuery };

/**
 * A JumpCloud admin API client (v1 /api and v2 /api/v2), one instance per
 * connection. The routes are in resources/*.ts, one module per resource,
 * each function taking the connection's core first; every method here is
 * that function with this client's core.
 */
export class JumpCloudClient {
  private readonly core: JcCore;

  constructor(opts: JumpCloudClientOptions) {
    this.core = createCore(opts);
  }

  /** The resource function `f` called with this client's core. */
  private send<A extends unknown[], R>(f: (c: JcCore, ...a: A) => R): (...a: A) => R {
    return (...a) => f(this.core, ...a);
  }

  // v1 system users
  readonly listUsers = this.send(users.listUsers);
  readonly allUsers = this.send(users.allUsers);
  readonly searchUsers = this.send(users.searchUsers);
  readonly findUserByEmail = this.send(users.findUserByEmail);
  readonly getUser = this.send(users.getUser);
  readonly createUser = this.send(users.createUser);
  readonly updateUser = this.send(users.updateUser);
  readonly suspendUser = this.send(users.suspendUser);
  readonly deleteUser = this.send(users.deleteUser);
  readonly resetMfa = this.send(users.resetMfa);
  readonly unlockUser = this.send(users.unlockUser);
  readonly expirePassword = this.send(users.expirePassword);
  readonly activateUser = this.send(users.activateUser);

  // v1 systems
  readonly listSystems = this.send(systems.listSystems);
  readonly allSystems = this.send(systems.allSystems);
  readonly getSystem = this.send(systems.getSystem);
  readonly systemCommand = this.send(systems.systemCommand);

  // v2 groups
  readonly listGroups = this.send(groups.listGroups);
  readonly allGroups = this.send(groups.allGroups);
  readonly createGroup = this.send(groups.createGroup);
  readonly getGroup = this.send(groups.getGroup);
  readonly updateGroup = this.send(groups.updateGroup);
  readonly deleteGroup = this.send(groups.deleteGroup);
  readonly listGroupMembers = this.send(groups.listGroupMembers);
  readonly modifyGroupMembers = this.send(groups.modifyGroupMembers);

  // v2 graph
  readonly listAssociations = this.send(graph.listAssociations);
  readonly modifyAssociation = this.send(graph.modifyAssociation);
  readonly userMemberOf = this.send(graph.userMemberOf);
  readonly userGroupMembership = this.send(graph.userGroupMembership);
  readonly userSystems = this.send(graph.userSystems);
  readonly systemMemberOf = this.send(graph.systemMemberOf);

  // v2 bulk jobs
  readonly bulkCreateUsers = this.send(bulkJobs.bulkCreateUsers);
  readonly bulkUpdateUsers = this.send(bulkJobs.bulkUpdateUsers);
  readonly bulkUserResults = this.send(bulkJobs.bulkUserResults);
  readonly waitForBulkUserResults = this.send(bulkJobs.waitForBulkUserResults);
  readonly bulkExpireUsers = this.send(bulkJobs.bulkExpireUsers);
  readonly bulkUnlockUsers = this.send(bulkJobs.bulkUnlockUsers);
  readonly scheduleUserStates = this.send(bulkJobs.scheduleUserStates);
  readonly listScheduledUserStates = this.send(bulkJobs.listScheduledUserStates);
  readonly cancelScheduledUserState = this.send(bulkJobs.cancelScheduledUserState);

  // v2 Apple MDM
  readonly listAppleMdms = this.send(appleMdm.listAppleMdms);
  readonly listAppleMdmDevices = this.send(appleMdm.listAppleMdmDevices);
  readonly mdmDeviceAction = this.send(appleMdm.mdmDeviceAction);
  readonly scheduleOsUpdate = this.send(appleMdm.scheduleOsUpdate);
  readonly refreshDepDevices = this.send(appleMdm.refreshDepDevices);

  // v2 push verification
  readonly listPushEndpoints = this.send(push.listPushEndpoints);
  readonly verifyPushEndpoint = this.send(push.verifyPushEndpoint);

  // v2 access requests
  readonly createAccessRequest = this.send(accessRequests.createAccessRequest);
  readonly revokeAccessRequest = this.send(accessRequests.revokeAccessRequest);
}
