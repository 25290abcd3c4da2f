"use server";
import { actionOf } from "../operations/derive/action";
import addAssignmentsOp from "../operations/trugrid/add-assignments";
import addUpnSuffixesOp from "../operations/trugrid/add-upn-suffixes";
import clearAppAssociationsOp from "../operations/trugrid/clear-app-associations";
import refreshActiveDirectoryOp from "../operations/trugrid/refresh-active-directory";
import refreshApplicationsOp from "../operations/trugrid/refresh-applications";
import syncAddedAdMachineGroupsOp from "../operations/trugrid/sync-added-ad-machine-groups";
import syncAddedAdMachinesOp from "../operations/trugrid/sync-added-ad-machines";
import syncAddedAdUserGroupsOp from "../operations/trugrid/sync-added-ad-user-groups";
import syncAddedAdUsersOp from "../operations/trugrid/sync-added-ad-users";

// Active Directory and domain-wide settings: they reach the whole domain or
// its configuration, so only admins may run them (trugrid.domain.write).
// Each is defined in lib/operations/trugrid/.

type Names = { tenantId: string; names: string[] };
type Clear = { tenantId: string; groups: string[]; confirm?: string };
type Message = { message: string };

export const syncAddedAdUsers = actionOf<Names>(syncAddedAdUsersOp);
export const syncAddedAdMachines = actionOf<Names>(syncAddedAdMachinesOp);
export const syncAddedAdUserGroups = actionOf<Names>(syncAddedAdUserGroupsOp);
export const syncAddedAdMachineGroups = actionOf<Names>(syncAddedAdMachineGroupsOp);

export const refreshActiveDirectory = actionOf<{ tenantId: string }, Message>(refreshActiveDirectoryOp);
export const refreshApplications = actionOf<{ tenantId: string }, Message>(refreshApplicationsOp);

/** Application associations of chosen user groups, or of every group when none is given (domain name typed). */
export const clearAppAssociations = actionOf<Clear>(clearAppAssociationsOp);

export const addUpnSuffixes = actionOf<{ tenantId: string; suffixes: string[] }>(addUpnSuffixesOp);

/**
 * Resource assignments: users or user groups get machines or machine groups
 * (the portal's Resource Assignments), defined in lib/operations/trugrid/add-assignments.ts.
 */
export const addUserMachineAssignments = actionOf<{
  tenantId: string;
  assignments: { key: string; value: string[] }[];
}>(addAssignmentsOp);
