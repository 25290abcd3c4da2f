"use server";
import { actionOf } from "../operations/derive/action";
import addGroupMembers from "../operations/twingate/add-group-members";
import addGroupResources from "../operations/twingate/add-group-resources";
import createGroup from "../operations/twingate/create-group";
import deleteGroup from "../operations/twingate/delete-group";
import removeGroupMembers from "../operations/twingate/remove-group-members";
import removeGroupResources from "../operations/twingate/remove-group-resources";
import setGroupPolicy from "../operations/twingate/set-group-policy";
import updateGroup from "../operations/twingate/update-group";

// The group pages' changes, each defined once in lib/operations/twingate/.

type Group = { tenantId: string; groupId: string };
type Members = Group & { userIds: string[]; undoOf?: string };
type Resources = Group & { resourceIds: string[] };

/** Adding people to a group is everyday helpdesk work: operators (add-group-members.ts). */
export const addTwingateGroupMembers = actionOf<Members, { group: string; added: number }>(addGroupMembers);

export const removeTwingateGroupMembers = actionOf<Members, { group: string; removed: number }>(removeGroupMembers);

/** Groups decide who reaches which resources under which policy: admins. */
export const createTwingateGroup = actionOf<
  { tenantId: string; name: string; securityPolicyId?: string },
  { id: string; name: string }
>(createGroup);

export const updateTwingateGroup = actionOf<
  Group & { name: string; isActive: boolean | "true" | "false" },
  { name: string }
>(updateGroup);

export const deleteTwingateGroup = actionOf<Group, { name: string }>(deleteGroup);

export const addTwingateGroupResources = actionOf<Resources, { group: string; added: number }>(addGroupResources);

export const removeTwingateGroupResources = actionOf<Resources, { group: string; removed: number }>(
  removeGroupResources,
);

/** Twingate re-points every resource the group reaches to the new policy (set-group-policy.ts). */
export const setTwingateGroupPolicy = actionOf<
  Group & { securityPolicyId: string },
  { group: string; policy: string | null; resources: number }
>(setGroupPolicy);
