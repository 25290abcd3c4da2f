"use server";
import { z } from "zod";
import { ActionError, action } from "../actions/action";
import { allTenantAdminIds, lockStaffChanges } from "../staff/guards";
import { baseUrlRefusal } from "../vendors/base-url-policy";
import { CONNECTION_FIELDS, SaveConnectionInput, VENDOR_IDS, VENDOR_LABEL } from "../vendors/connection-fields";
import { refuseAccountOfAnotherTenant } from "../vendors/connection-owner";
import {
  type ConnectionSecrets,
  connectionRecord,
  connectionSettings,
  connectionTarget,
  openConnectionSecrets,
} from "../vendors/connection-record";

const TenantName = z.string().trim().min(2, "At least 2 characters").max(100);

export const createTenant = action(
  { name: "tenant.created", perm: "tenants.manage", input: z.object({ name: TenantName }), tenant: "global" },
  async ({ name }, ctx) => {
    if (await ctx.db.tenant.findUnique({ where: { name } }))
      throw new ActionError(`A tenant named "${name}" already exists.`);
    // Every admin who held every tenant gets the new one too (the caller is one: tenants.manage needs it),
    // so that holding every tenant stays a fact rather than lapsing with each new tenant.
    await lockStaffChanges(ctx.db);
    const admins = await allTenantAdminIds(ctx.db);
    const tenant = await ctx.db.tenant.create({
      data: { name, staff: { create: [...new Set([ctx.staff.id, ...admins])].map((staffId) => ({ staffId })) } },
    });
    ctx.audit.targets = [{ type: "tenant", id: tenant.id, label: name }];
    ctx.audit.after = { name };
    return { id: tenant.id };
  },
);

export const renameTenant = action(
  {
    name: "tenant.renamed",
    perm: "tenants.manage",
    input: z.object({ tenantId: z.string(), name: TenantName }),
    tenant: (i) => i.tenantId,
  },
  async ({ tenantId, name }, ctx) => {
    const before = await ctx.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    if (before.name !== name && (await ctx.db.tenant.findUnique({ where: { name } })))
      throw new ActionError(`A tenant named "${name}" already exists.`);
    await ctx.db.tenant.update({ where: { id: tenantId }, data: { name } });
    ctx.audit.targets = [{ type: "tenant", id: tenantId, label: name }];
    ctx.audit.before = { name: before.name };
    ctx.audit.after = { name };
    return { id: tenantId };
  },
);

/** Whether every change in the tenant must give a reason or ticket number (lib/actions/change-reason.ts). */
export const setChangeReasonPolicy = action(
  {
    name: "tenant.change_reason_policy_changed",
    perm: "tenant.settings",
    input: z.object({ tenantId: z.string(), required: z.stringbool().or(z.boolean()) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "tenant", id: i.tenantId }] }),
  },
  async ({ tenantId, required }, ctx) => {
    const before = await ctx.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    if (before.requireChangeReason === required) throw new ActionError("Nothing changed.");
    await ctx.db.tenant.update({ where: { id: tenantId }, data: { requireChangeReason: required } });
    ctx.audit.targets = [{ type: "tenant", id: tenantId, label: before.name }];
    ctx.audit.before = { requireChangeReason: before.requireChangeReason };
    ctx.audit.after = { requireChangeReason: required };
    return { required };
  },
);

export const saveVendorConnection = action(
  {
    name: "tenant.connection_saved",
    perm: "connections.manage",
    input: SaveConnectionInput,
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: i.vendor, targets: [{ type: "vendor_connection", id: `${i.tenantId}:${i.vendor}` }] }),
  },
  async (input, ctx) => {
    const { tenantId, vendor } = input;
    const refusal = baseUrlRefusal(input.baseUrl);
    if (refusal) throw new ActionError(`The base URL ${refusal}.`);
    const target = { baseUrl: input.baseUrl, settings: connectionSettings(vendor, input) };
    const existing = await ctx.db.vendorConnection.findUnique({ where: { tenantId_vendor: { tenantId, vendor } } });
    await refuseAccountOfAnotherTenant(ctx.db, tenantId, vendor, target);
    // A blank secret field keeps the stored value (the browser never holds it), but only for the
    // target it was entered for: a new base URL, domain, network or organisation needs every
    // secret again, or the stored one would act where its owner never sent it.
    const sameTarget = !!existing && connectionTarget(vendor, existing) === connectionTarget(vendor, target);
    // The stored ones (none when they do not open for this target: entered elsewhere, another key).
    const secrets: ConnectionSecrets =
      (existing && sameTarget && openConnectionSecrets(tenantId, vendor, existing)) || {};
    for (const s of CONNECTION_FIELDS[vendor].secrets) {
      if (input[s.key]) secrets[s.key] = input[s.key];
      if (!secrets[s.key]) {
        throw new ActionError(
          existing && !sameTarget
            ? `The base URL or the ${VENDOR_LABEL[vendor]} account it names changed: enter the ${s.label} again.`
            : `${s.label} is required.`,
        );
      }
    }
    const data = connectionRecord(tenantId, vendor, input.baseUrl, secrets, input);
    await ctx.db.vendorConnection.upsert({
      where: { tenantId_vendor: { tenantId, vendor } },
      create: { tenantId, vendor, ...data },
      update: data,
    });
    const view = (c: { baseUrl: string; settings: unknown; credentialsHint: string } | null) =>
      c && { baseUrl: c.baseUrl, settings: c.settings, credentials: c.credentialsHint };
    ctx.audit.before = view(existing);
    ctx.audit.after = view(data);
    return { vendor };
  },
);

export const deleteVendorConnection = action(
  {
    name: "tenant.connection_deleted",
    perm: "connections.manage",
    input: z.object({ tenantId: z.string(), vendor: z.enum(VENDOR_IDS) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: i.vendor, targets: [{ type: "vendor_connection", id: `${i.tenantId}:${i.vendor}` }] }),
  },
  async ({ tenantId, vendor }, ctx) => {
    const existing = await ctx.db.vendorConnection.findUnique({ where: { tenantId_vendor: { tenantId, vendor } } });
    if (!existing) throw new ActionError("There is no such connection.");
    await ctx.db.vendorConnection.delete({ where: { id: existing.id } });
    ctx.audit.before = {
      baseUrl: existing.baseUrl,
      settings: existing.settings,
      credentials: existing.credentialsHint,
    };
    return { vendor };
  },
);
