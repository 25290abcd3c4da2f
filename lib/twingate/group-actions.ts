"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { actionOf } from "../operations/derive/action";
import addGroupMembers from "../operations/twingate/add-group-members";
import removeGroupMembers from "../operations/twingate/remove-group-members";
import type { AccessGrant } from "../sync/twingate/documents";
import { groupTarget, resourceAccessTarget } from "../sync/twingate/targets";
import { cacheDeleteGrants, cachedGrantsOf } from "./access-cache";
import { cacheDelete, cacheWrite } from "./cache";
import { cachedObject } from "./lookup";
import { twingateFor, vendor } from "./vendor";

const Id = z.string().trim().min(1).max(200);
const Ids = z.array(Id).min(1, "Choose at least one.").max(500);
const groupRef = (id: string, label?: string | null) => ({ type: "twingate_group", id, ...(label ? { label } : {}) });
const describe = (i: { groupId: string }) => ({ vendor: "twingate" as const, targets: [groupRef(i.groupId)] });

async function group(tenantId: string, groupId: string) {
  const g = await cachedObject(db(), tenantId, "group", groupId, "Twingate group");
  return g;
}

const memberCount = (tenantId: string, groupId: string) =>
  db().vendorEdge.count({ where: { tenantId, vendor: "twingate", kind: "group_member", fromId: groupId, deletedAt: null } });

type Members = { tenantId: string; groupId: string; userIds: string[]; undoOf?: string };

/** Adding people to a group is everyday helpdesk work: operators (lib/operations/twingate/add-group-members.ts). */
export const addTwingateGroupMembers = actionOf<Members, { group: string; added: number }>(addGroupMembers);

export const removeTwingateGroupMembers = actionOf<Members, { group: string; removed: number }>(removeGroupMembers);

const Policy = z.string().trim().max(200).optional().transform((v) => v || undefined);

/** Groups decide who reaches which resources under which policy: admins. */
export const createTwingateGroup = action(
  {
    name: "twingate.group.created", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, name: z.string().trim().min(1, "Enter a name.").max(200), securityPolicyId: Policy }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [{ type: "twingate_group", id: i.name, label: i.name }] }),
  },
  async ({ tenantId, name, securityPolicyId }, ctx) => {
    const client = await twingateFor(db(), tenantId);
    const created = await vendor(() => client.groupCreate({ name, securityPolicyId }));
    await cacheWrite(db(), tenantId, groupTarget, created);
    ctx.audit.targets = [groupRef(created.id, created.name)];
    ctx.audit.after = { name: created.name, securityPolicyId: created.securityPolicy?.id ?? null };
    return { id: created.id, name: created.name };
  },
);

export const updateTwingateGroup = action(
  {
    name: "twingate.group.updated", perm: "twingate.network.write", mode: "external",
    input: z.object({
      tenantId: Id, groupId: Id, name: z.string().trim().min(1, "Enter a name.").max(200),
      isActive: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
    }),
    tenant: (i) => i.tenantId, describe,
  },
  async ({ tenantId, groupId, name, isActive }, ctx) => {
    const g = await group(tenantId, groupId);
    ctx.audit.targets = [groupRef(groupId, g.name)];
    ctx.audit.before = { name: g.name, isActive: (g.attributes as { isActive?: boolean } | null)?.isActive ?? null };
    const client = await twingateFor(db(), tenantId);
    const updated = await vendor(() => client.groupUpdate({ id: groupId, name, isActive }));
    await cacheWrite(db(), tenantId, groupTarget, updated);
    ctx.audit.after = { name: updated.name, isActive: updated.isActive };
    return { name: updated.name };
  },
);

export const deleteTwingateGroup = action(
  { name: "twingate.group.deleted", perm: "twingate.network.write", mode: "external", input: z.object({ tenantId: Id, groupId: Id }), tenant: (i) => i.tenantId, describe },
  async ({ tenantId, groupId }, ctx) => {
    const g = await group(tenantId, groupId);
    ctx.audit.targets = [groupRef(groupId, g.name)];
    const members = await memberCount(tenantId, groupId);
    const grants = await cachedGrantsOf(db(), tenantId, groupId);
    ctx.audit.before = { name: g.name, members, resources: grants.map((a) => a.resourceId) };
    const client = await twingateFor(db(), tenantId);
    await vendor(() => client.groupDelete(groupId));
    await cacheDelete(db(), tenantId, groupTarget as never, [groupId]);
    await db().vendorEdge.updateMany({ where: { tenantId, vendor: "twingate", kind: "group_member", fromId: groupId, deletedAt: null }, data: { deletedAt: new Date() } });
    await cacheDeleteGrants(db(), tenantId, { principalId: groupId });
    return { name: g.name };
  },
);

function grantFor(groupId: string, groupName: string, resourceId: string, prev: AccessGrant | undefined): AccessGrant {
  return prev ?? {
    resourceId, principal: { __typename: "Group", id: groupId, name: groupName },
    securityPolicy: null, expiresAt: null, usageBasedAutolockDurationDays: null,
  };
}

export const addTwingateGroupResources = action(
  { name: "twingate.group.resources_added", perm: "twingate.network.write", mode: "external", input: z.object({ tenantId: Id, groupId: Id, resourceIds: Ids }), tenant: (i) => i.tenantId, describe },
  async ({ tenantId, groupId, resourceIds }, ctx) => {
    const g = await group(tenantId, groupId);
    ctx.audit.targets = [groupRef(groupId, g.name), ...resourceIds.map((id) => ({ type: "twingate_resource", id }))];
    const prev = new Map((await cachedGrantsOf(db(), tenantId, groupId)).map((a) => [a.resourceId, a]));
    ctx.audit.before = { resources: [...prev.keys()] };
    const client = await twingateFor(db(), tenantId);
    const updated = await vendor(() => client.groupUpdate({ id: groupId, addedResourceIds: resourceIds }));
    await cacheWrite(db(), tenantId, groupTarget, updated);
    for (const r of resourceIds) await cacheWrite(db(), tenantId, resourceAccessTarget, grantFor(groupId, updated.name, r, prev.get(r)));
    ctx.audit.after = { added: resourceIds.filter((r) => !prev.has(r)) };
    return { group: updated.name, added: resourceIds.length };
  },
);

export const removeTwingateGroupResources = action(
  { name: "twingate.group.resources_removed", perm: "twingate.network.write", mode: "external", input: z.object({ tenantId: Id, groupId: Id, resourceIds: Ids }), tenant: (i) => i.tenantId, describe },
  async ({ tenantId, groupId, resourceIds }, ctx) => {
    const g = await group(tenantId, groupId);
    ctx.audit.targets = [groupRef(groupId, g.name), ...resourceIds.map((id) => ({ type: "twingate_resource", id }))];
    ctx.audit.before = { resources: (await cachedGrantsOf(db(), tenantId, groupId)).map((a) => a.resourceId) };
    const client = await twingateFor(db(), tenantId);
    const updated = await vendor(() => client.groupUpdate({ id: groupId, removedResourceIds: resourceIds }));
    await cacheWrite(db(), tenantId, groupTarget, updated);
    await cacheDelete(db(), tenantId, resourceAccessTarget as never, resourceIds.map((r) => `${r}|${groupId}`));
    ctx.audit.after = { removed: resourceIds };
    return { group: updated.name, removed: resourceIds.length };
  },
);

/**
 * Twingate re-points every resource the group reaches to the new policy,
 * not only some: the page warns before this runs, and the cache follows.
 */
export const setTwingateGroupPolicy = action(
  {
    name: "twingate.group.policy_changed", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, groupId: Id, securityPolicyId: Id }), tenant: (i) => i.tenantId, describe,
  },
  async ({ tenantId, groupId, securityPolicyId }, ctx) => {
    const g = await group(tenantId, groupId);
    const policy = await cachedObject(db(), tenantId, "security_policy", securityPolicyId, "security policy");
    ctx.audit.targets = [groupRef(groupId, g.name), { type: "twingate_security_policy", id: securityPolicyId, label: policy.name ?? undefined }];
    const grants = await cachedGrantsOf(db(), tenantId, groupId);
    ctx.audit.before = {
      securityPolicyId: (g.attributes as { securityPolicyId?: string | null } | null)?.securityPolicyId ?? null,
      resources: grants.map((a) => ({ resourceId: a.resourceId, securityPolicyId: a.securityPolicy?.id ?? null })),
    };
    const client = await twingateFor(db(), tenantId);
    const updated = await vendor(() => client.groupUpdate({ id: groupId, securityPolicyId }));
    await cacheWrite(db(), tenantId, groupTarget, updated);
    for (const a of grants) await cacheWrite(db(), tenantId, resourceAccessTarget, { ...a, securityPolicy: { id: securityPolicyId, name: policy.name ?? "" } });
    ctx.audit.after = { securityPolicyId, resources: grants.length };
    return { group: updated.name, policy: policy.name, resources: grants.length };
  },
);
