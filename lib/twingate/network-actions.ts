"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { connectorTarget, groupTarget, remoteNetworkTarget, securityPolicyTarget } from "../sync/twingate/targets";
import type { Group } from "../vendors/twingate/schemas";
import { cacheDelete, cacheWrite } from "./cache";
import { REMOTE_NETWORK_LOCATIONS } from "./constants";
import { cachedObject } from "./lookup";
import { twingateFor, vendor } from "./vendor";

// Remote networks, connectors and security policies shape the whole network: admins.

const Id = z.string().trim().min(1).max(200);
const Name = z.string().trim().min(1, "Enter a name.").max(200);
const bool = z.union([z.boolean(), z.enum(["on", "true", "false"])]).optional().transform((v) => v === true || v === "on" || v === "true");
const ref = (type: string, id: string, label?: string | null) => ({ type, id, ...(label ? { label } : {}) });

export const createTwingateRemoteNetwork = action(
  {
    name: "twingate.remote_network.created", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, name: Name, location: z.enum(REMOTE_NETWORK_LOCATIONS).default("OTHER") }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [ref("twingate_remote_network", i.name, i.name)] }),
  },
  async ({ tenantId, name, location }, ctx) => {
    const client = await twingateFor(db(), tenantId);
    const rn = await vendor(() => client.remoteNetworkCreate({ name, location }));
    await cacheWrite(db(), tenantId, remoteNetworkTarget, rn);
    ctx.audit.targets = [ref("twingate_remote_network", rn.id, rn.name)];
    ctx.audit.after = { name: rn.name, location: rn.location };
    return { id: rn.id, name: rn.name };
  },
);

export const updateTwingateRemoteNetwork = action(
  {
    name: "twingate.remote_network.updated", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, remoteNetworkId: Id, name: Name, location: z.enum(REMOTE_NETWORK_LOCATIONS) }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [ref("twingate_remote_network", i.remoteNetworkId)] }),
  },
  async ({ tenantId, remoteNetworkId, name, location }, ctx) => {
    const before = await cachedObject(db(), tenantId, "remote_network", remoteNetworkId, "remote network");
    ctx.audit.targets = [ref("twingate_remote_network", remoteNetworkId, before.name)];
    ctx.audit.before = { name: before.name, location: (before.attributes as { location?: string } | null)?.location ?? null };
    const client = await twingateFor(db(), tenantId);
    const rn = await vendor(() => client.remoteNetworkUpdate({ id: remoteNetworkId, name, location }));
    await cacheWrite(db(), tenantId, remoteNetworkTarget, rn);
    ctx.audit.after = { name: rn.name, location: rn.location };
    return { name: rn.name };
  },
);

/** Twingate refuses while the network still has resources; its words are shown as they are. */
export const deleteTwingateRemoteNetwork = action(
  {
    name: "twingate.remote_network.deleted", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, remoteNetworkId: Id }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [ref("twingate_remote_network", i.remoteNetworkId)] }),
  },
  async ({ tenantId, remoteNetworkId }, ctx) => {
    const before = await cachedObject(db(), tenantId, "remote_network", remoteNetworkId, "remote network");
    ctx.audit.targets = [ref("twingate_remote_network", remoteNetworkId, before.name)];
    ctx.audit.before = { name: before.name, ...(before.attributes as object) };
    const client = await twingateFor(db(), tenantId);
    await vendor(() => client.remoteNetworkDelete(remoteNetworkId));
    await cacheDelete(db(), tenantId, remoteNetworkTarget as never, [remoteNetworkId]);
    // Its connectors go with it.
    await db().vendorObject.updateMany({
      where: { tenantId, vendor: "twingate", kind: "connector", deletedAt: null, attributes: { path: ["remoteNetworkId"], equals: remoteNetworkId } },
      data: { deletedAt: new Date() },
    });
    return { name: before.name };
  },
);

export const updateTwingateConnector = action(
  {
    name: "twingate.connector.updated", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, connectorId: Id, name: Name, hasStatusNotificationsEnabled: bool }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [ref("twingate_connector", i.connectorId)] }),
  },
  async ({ tenantId, connectorId, name, hasStatusNotificationsEnabled }, ctx) => {
    const before = await cachedObject(db(), tenantId, "connector", connectorId, "connector");
    ctx.audit.targets = [ref("twingate_connector", connectorId, before.name)];
    ctx.audit.before = { name: before.name, hasStatusNotificationsEnabled: (before.attributes as { hasStatusNotificationsEnabled?: boolean } | null)?.hasStatusNotificationsEnabled ?? null };
    const client = await twingateFor(db(), tenantId);
    const c = await vendor(() => client.connectorUpdate({ id: connectorId, name, hasStatusNotificationsEnabled }));
    await cacheWrite(db(), tenantId, connectorTarget, c);
    ctx.audit.after = { name: c.name, hasStatusNotificationsEnabled: c.hasStatusNotificationsEnabled };
    return { name: c.name, notifications: c.hasStatusNotificationsEnabled };
  },
);

/**
 * Assigns groups to a policy or takes them off it (they fall back to the
 * default policy). Like a group's own policy change, this re-points every
 * resource those groups reach.
 */
export const changeTwingatePolicyGroups = action(
  {
    name: "twingate.security_policy.groups_changed", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, securityPolicyId: Id, addedGroupIds: z.array(Id).max(200).default([]), removedGroupIds: z.array(Id).max(200).default([]) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [ref("twingate_security_policy", i.securityPolicyId)] }),
  },
  async ({ tenantId, securityPolicyId, addedGroupIds, removedGroupIds }, ctx) => {
    const policy = await cachedObject(db(), tenantId, "security_policy", securityPolicyId, "security policy");
    ctx.audit.targets = [ref("twingate_security_policy", securityPolicyId, policy.name), ...[...addedGroupIds, ...removedGroupIds].map((g) => ref("twingate_group", g))];
    ctx.audit.before = {};
    const client = await twingateFor(db(), tenantId);
    const p = await vendor(() => client.securityPolicyUpdate({ id: securityPolicyId, addedGroupIds, removedGroupIds }));
    await cacheWrite(db(), tenantId, securityPolicyTarget, p);
    // The mutation answers with the policy only: read back the groups it moved (reads are cheaper than writes).
    for (const groupId of [...addedGroupIds, ...removedGroupIds]) {
      const g = await vendor(() => client.group(groupId));
      if (!g) continue;
      const { users: _u, resources: _r, ...group } = g;
      await cacheWrite(db(), tenantId, groupTarget, group as Group);
    }
    ctx.audit.after = { added: addedGroupIds, removed: removedGroupIds };
    return { name: p.name, added: addedGroupIds.length, removed: removedGroupIds.length };
  },
);
