"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import type { AccessInput } from "../vendors/twingate/inputs";
import { cachedGrantsOn, cacheResourceDetail } from "./access-cache";
import { cachedObject } from "./lookup";
import { ProtocolFields, protocolsOf } from "./protocols";
import { twingateFor, vendor } from "./vendor";

// Resources and who may reach them are network-wide: admins.

const Id = z.string().trim().min(1).max(200);
const resRef = (id: string, label?: string | null) => ({ type: "twingate_resource", id, ...(label ? { label } : {}) });
const bool = z.union([z.boolean(), z.enum(["on", "true", "false"])]).optional().transform((v) => v === true || v === "on" || v === "true");

const ResourceFields = ProtocolFields.extend({
  tenantId: Id,
  name: z.string().trim().min(1, "Enter a name.").max(200),
  address: z.string().trim().min(1, "Enter an address (a DNS name, IP or CIDR).").max(300),
  alias: z.string().trim().max(300).default(""),
  remoteNetworkId: Id,
  isVisible: bool,
  isBrowserShortcutEnabled: bool,
});

function protocols(f: z.output<typeof ProtocolFields>) {
  try {
    return protocolsOf(f);
  } catch (err) {
    throw new ActionError((err as Error).message);
  }
}

export const createTwingateResource = action(
  {
    name: "twingate.resource.created", perm: "twingate.network.write", mode: "external", input: ResourceFields, tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [{ type: "twingate_resource", id: i.name, label: i.name }] }),
  },
  async (i, ctx) => {
    const client = await twingateFor(db(), i.tenantId);
    const created = await vendor(() => client.resourceCreate({
      name: i.name, address: i.address, remoteNetworkId: i.remoteNetworkId, alias: i.alias || undefined,
      isVisible: i.isVisible, isBrowserShortcutEnabled: i.isBrowserShortcutEnabled, protocols: protocols(i),
    }));
    await cacheResourceDetail(db(), i.tenantId, created);
    ctx.audit.targets = [resRef(created.id, created.name)];
    ctx.audit.after = { name: created.name, address: created.address.value, alias: created.alias, remoteNetworkId: created.remoteNetwork.id };
    return { id: created.id, name: created.name };
  },
);

export const updateTwingateResource = action(
  {
    name: "twingate.resource.updated", perm: "twingate.network.write", mode: "external",
    input: ResourceFields.extend({ resourceId: Id }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [resRef(i.resourceId)] }),
  },
  async (i, ctx) => {
    const before = await cachedObject(db(), i.tenantId, "resource", i.resourceId, "Twingate resource");
    ctx.audit.targets = [resRef(i.resourceId, before.name)];
    ctx.audit.before = { name: before.name, ...(before.attributes as object) };
    const client = await twingateFor(db(), i.tenantId);
    const updated = await vendor(() => client.resourceUpdate({
      id: i.resourceId, name: i.name, address: i.address, remoteNetworkId: i.remoteNetworkId, alias: i.alias || null,
      isVisible: i.isVisible, isBrowserShortcutEnabled: i.isBrowserShortcutEnabled, protocols: protocols(i),
    }));
    await cacheResourceDetail(db(), i.tenantId, updated);
    ctx.audit.after = {
      name: updated.name, address: updated.address.value, alias: updated.alias, isVisible: updated.isVisible,
      isBrowserShortcutEnabled: updated.isBrowserShortcutEnabled, remoteNetworkId: updated.remoteNetwork.id, protocols: updated.protocols,
    };
    return { name: updated.name };
  },
);

/** One principal's grant as the form sends it: empty policy or expiry means "none" (explicit null). */
const Grant = z.object({
  principalId: Id,
  securityPolicyId: z.string().trim().max(200).optional().transform((v) => v || null),
  expiresAt: z.string().trim().max(40).optional().transform((v, c) => {
    if (!v) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) { c.addIssue({ code: "custom", message: "Expiry is not a date." }); return z.NEVER; }
    return d.toISOString();
  }),
});
type Grant = z.output<typeof Grant>;

/** Service accounts take neither a policy nor an expiry; leaving them out keeps Twingate from refusing a null it would not accept. */
function accessInput(g: Grant): AccessInput {
  return { principalId: g.principalId, ...(g.securityPolicyId ? { securityPolicyId: g.securityPolicyId } : {}), ...(g.expiresAt ? { expiresAt: g.expiresAt } : {}) };
}

const grantsSummary = (gs: { principal: { id: string; name: string }; securityPolicy: { id: string } | null; expiresAt: string | null }[]) =>
  gs.map((g) => ({ principalId: g.principal.id, name: g.principal.name, securityPolicyId: g.securityPolicy?.id ?? null, expiresAt: g.expiresAt }));

export const addTwingateResourceAccess = action(
  {
    name: "twingate.resource.access_added", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, resourceId: Id, grants: z.array(Grant).min(1, "Choose a group or service account.").max(200) }),
    tenant: (i) => i.tenantId, describe: (i) => ({ vendor: "twingate", targets: [resRef(i.resourceId)] }),
  },
  async ({ tenantId, resourceId, grants }, ctx) => {
    const before = await cachedObject(db(), tenantId, "resource", resourceId, "Twingate resource");
    ctx.audit.targets = [resRef(resourceId, before.name), ...grants.map((g) => ({ type: "twingate_principal", id: g.principalId }))];
    ctx.audit.before = { access: grantsSummary(await cachedGrantsOn(db(), tenantId, resourceId)) };
    const client = await twingateFor(db(), tenantId);
    const updated = await vendor(() => client.resourceAccessAdd(resourceId, grants.map(accessInput)));
    await cacheResourceDetail(db(), tenantId, updated);
    ctx.audit.after = { added: grants };
    return { name: updated.name, added: grants.length };
  },
);

/** Replaces all access: whoever is not listed loses it (the page lists them before this runs). */
export const setTwingateResourceAccess = action(
  {
    name: "twingate.resource.access_set", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, resourceId: Id, grants: z.array(Grant).max(200) }),
    tenant: (i) => i.tenantId, describe: (i) => ({ vendor: "twingate", targets: [resRef(i.resourceId)] }),
  },
  async ({ tenantId, resourceId, grants }, ctx) => {
    const before = await cachedObject(db(), tenantId, "resource", resourceId, "Twingate resource");
    ctx.audit.targets = [resRef(resourceId, before.name)];
    const prev = await cachedGrantsOn(db(), tenantId, resourceId);
    const keep = new Set(grants.map((g) => g.principalId));
    ctx.audit.before = { access: grantsSummary(prev) };
    const client = await twingateFor(db(), tenantId);
    const updated = await vendor(() => client.resourceAccessSet(resourceId, grants.map(accessInput)));
    await cacheResourceDetail(db(), tenantId, updated);
    const removed = prev.filter((g) => !keep.has(g.principal.id)).map((g) => g.principal.name);
    ctx.audit.after = { access: grantsSummary(updated.access.edges.map((e) => ({ principal: e.node, securityPolicy: e.securityPolicy, expiresAt: e.expiresAt }))), removed };
    return { name: updated.name, count: grants.length, removed };
  },
);

export const removeTwingateResourceAccess = action(
  {
    name: "twingate.resource.access_removed", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, resourceId: Id, principalIds: z.array(Id).min(1).max(200) }),
    tenant: (i) => i.tenantId, describe: (i) => ({ vendor: "twingate", targets: [resRef(i.resourceId)] }),
  },
  async ({ tenantId, resourceId, principalIds }, ctx) => {
    const before = await cachedObject(db(), tenantId, "resource", resourceId, "Twingate resource");
    ctx.audit.targets = [resRef(resourceId, before.name), ...principalIds.map((id) => ({ type: "twingate_principal", id }))];
    const prev = await cachedGrantsOn(db(), tenantId, resourceId);
    ctx.audit.before = { access: grantsSummary(prev.filter((g) => principalIds.includes(g.principal.id))) };
    const client = await twingateFor(db(), tenantId);
    const updated = await vendor(() => client.resourceAccessRemove(resourceId, principalIds));
    await cacheResourceDetail(db(), tenantId, updated);
    ctx.audit.after = { removed: principalIds };
    return { name: updated.name, removed: principalIds.length };
  },
);
