"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { serviceAccountKeyTarget, serviceAccountTarget } from "../sync/twingate/targets";
import { cacheDeleteGrants } from "./access-cache";
import { cacheDelete, cacheWrite } from "./cache";
import { cachedObject } from "./lookup";
import { twingateFor, vendor } from "./vendor";

// Service accounts and their keys open the network to machines: admins.

const Id = z.string().trim().min(1).max(200);
const Name = z.string().trim().min(1, "Enter a name.").max(200);
const saRef = (id: string, label?: string | null) => ({ type: "twingate_service_account", id, ...(label ? { label } : {}) });
const keyRef = (id: string, label?: string | null) => ({ type: "twingate_service_account_key", id, ...(label ? { label } : {}) });

export const createTwingateServiceAccount = action(
  {
    name: "twingate.service_account.created", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, name: Name }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [saRef(i.name, i.name)] }),
  },
  async ({ tenantId, name }, ctx) => {
    const client = await twingateFor(db(), tenantId);
    const sa = await vendor(() => client.serviceAccountCreate({ name }));
    await cacheWrite(db(), tenantId, serviceAccountTarget, sa);
    ctx.audit.targets = [saRef(sa.id, sa.name)];
    ctx.audit.after = { name: sa.name };
    return { id: sa.id, name: sa.name };
  },
);

export const renameTwingateServiceAccount = action(
  {
    name: "twingate.service_account.renamed", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, serviceAccountId: Id, name: Name }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [saRef(i.serviceAccountId)] }),
  },
  async ({ tenantId, serviceAccountId, name }, ctx) => {
    const before = await cachedObject(db(), tenantId, "service_account", serviceAccountId, "service account");
    ctx.audit.targets = [saRef(serviceAccountId, before.name)];
    ctx.audit.before = { name: before.name };
    const client = await twingateFor(db(), tenantId);
    const sa = await vendor(() => client.serviceAccountUpdate({ id: serviceAccountId, name }));
    await cacheWrite(db(), tenantId, serviceAccountTarget, sa);
    ctx.audit.after = { name: sa.name };
    return { name: sa.name };
  },
);

export const deleteTwingateServiceAccount = action(
  {
    name: "twingate.service_account.deleted", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, serviceAccountId: Id }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [saRef(i.serviceAccountId)] }),
  },
  async ({ tenantId, serviceAccountId }, ctx) => {
    const before = await cachedObject(db(), tenantId, "service_account", serviceAccountId, "service account");
    ctx.audit.targets = [saRef(serviceAccountId, before.name)];
    ctx.audit.before = { name: before.name };
    const client = await twingateFor(db(), tenantId);
    await vendor(() => client.serviceAccountDelete(serviceAccountId));
    await cacheDelete(db(), tenantId, serviceAccountTarget as never, [serviceAccountId]);
    // Its keys and its access go with it.
    await db().vendorObject.updateMany({
      where: { tenantId, vendor: "twingate", kind: "service_account_key", deletedAt: null, attributes: { path: ["serviceAccountId"], equals: serviceAccountId } },
      data: { deletedAt: new Date() },
    });
    await cacheDeleteGrants(db(), tenantId, { principalId: serviceAccountId });
    return { name: before.name };
  },
);

/** The token is in the answer once and never stored: the browser shows it once, the audit event never holds it. */
export const createTwingateServiceKey = action(
  {
    name: "twingate.service_account_key.created", perm: "twingate.network.write", mode: "external",
    input: z.object({
      tenantId: Id, serviceAccountId: Id, name: z.string().trim().max(200).optional().transform((v) => v || undefined),
      expirationDays: z.coerce.number().int("Whole days.").min(0, "0 (never) to 365 days.").max(365, "0 (never) to 365 days.").default(0),
    }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [saRef(i.serviceAccountId)] }),
  },
  async ({ tenantId, serviceAccountId, name, expirationDays }, ctx) => {
    const sa = await cachedObject(db(), tenantId, "service_account", serviceAccountId, "service account");
    const client = await twingateFor(db(), tenantId);
    const { key, token } = await vendor(() => client.serviceAccountKeyCreate({ serviceAccountId, name, expirationTime: expirationDays }));
    await cacheWrite(db(), tenantId, serviceAccountKeyTarget, key);
    ctx.audit.targets = [saRef(serviceAccountId, sa.name), keyRef(key.id, key.name)];
    ctx.audit.after = { name: key.name, status: key.status, expiresAt: key.expiresAt };
    return { id: key.id, name: key.name, expiresAt: key.expiresAt, token };
  },
);

export const renameTwingateServiceKey = action(
  {
    name: "twingate.service_account_key.renamed", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, keyId: Id, name: Name }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [keyRef(i.keyId)] }),
  },
  async ({ tenantId, keyId, name }, ctx) => {
    const before = await cachedObject(db(), tenantId, "service_account_key", keyId, "service key");
    ctx.audit.targets = [keyRef(keyId, before.name)];
    ctx.audit.before = { name: before.name };
    const client = await twingateFor(db(), tenantId);
    const key = await vendor(() => client.serviceAccountKeyUpdate(keyId, name));
    await cacheWrite(db(), tenantId, serviceAccountKeyTarget, key);
    ctx.audit.after = { name: key.name };
    return { name: key.name };
  },
);

export const revokeTwingateServiceKey = action(
  {
    name: "twingate.service_account_key.revoked", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, keyId: Id }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [keyRef(i.keyId)] }),
  },
  async ({ tenantId, keyId }, ctx) => {
    const before = await cachedObject(db(), tenantId, "service_account_key", keyId, "service key");
    ctx.audit.targets = [keyRef(keyId, before.name)];
    ctx.audit.before = { status: (before.attributes as { status?: string } | null)?.status ?? null };
    const client = await twingateFor(db(), tenantId);
    const key = await vendor(() => client.serviceAccountKeyRevoke(keyId));
    await cacheWrite(db(), tenantId, serviceAccountKeyTarget, key);
    ctx.audit.after = { status: key.status };
    return { name: key.name, status: key.status };
  },
);

/** Twingate deletes only revoked or expired keys; it says so itself otherwise. */
export const deleteTwingateServiceKey = action(
  {
    name: "twingate.service_account_key.deleted", perm: "twingate.network.write", mode: "external",
    input: z.object({ tenantId: Id, keyId: Id }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [keyRef(i.keyId)] }),
  },
  async ({ tenantId, keyId }, ctx) => {
    const before = await cachedObject(db(), tenantId, "service_account_key", keyId, "service key");
    ctx.audit.targets = [keyRef(keyId, before.name)];
    ctx.audit.before = { name: before.name, ...(before.attributes as object) };
    const client = await twingateFor(db(), tenantId);
    await vendor(() => client.serviceAccountKeyDelete(keyId));
    await cacheDelete(db(), tenantId, serviceAccountKeyTarget as never, [keyId]);
    return { name: before.name };
  },
);
