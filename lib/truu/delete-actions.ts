"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { clientFor } from "../vendors/client-for";
import { asActionError } from "../vendors/core/vendor-message";
import { markDeletedInCache } from "./cache-updates";
import { deviceBefore, deviceDeletedAfter, deviceTargets } from "./device-audit";

async function truuClient(tenantId: string) {
  return (await clientFor(db(), tenantId, "truu", "interactive")).client;
}

/** TruU's own words, so that the toast and the audit log say what the vendor said. */
function vendorRefusal(err: unknown): never {
  throw asActionError(err);
}

/**
 * Deletes one enrolled device at TruU (DELETE …/domainusers/<guid>/devices/<id>/)
 * and marks it deleted in the cache. TruU keeps no deleted device: there is no undo.
 */
export const deleteTruuDevice = action(
  {
    name: "truu.device.deleted", perm: "truu.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), deviceId: z.string().min(1).max(200) }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "truu", targets: [{ type: "truu_device", id: i.deviceId }] }),
  },
  async ({ tenantId, deviceId }, ctx) => {
    const device = await db().truuDevice.findFirst({ where: { tenantId, vendorId: deviceId, deletedAt: null } });
    if (!device) throw new ActionError("That device is not in this tenant's TruU devices (it may be deleted already).");
    if (!device.userGuid) throw new ActionError("That device has no user in the cache, and TruU deletes a device only through its user.");
    ctx.audit.targets = deviceTargets(device);
    ctx.audit.before = deviceBefore(device);
    const client = await truuClient(tenantId);
    const answer = await client.deleteUserDevice(device.userGuid, deviceId).catch(vendorRefusal);
    ctx.audit.after = deviceDeletedAfter(answer.active);
    await markDeletedInCache(db(), tenantId, [deviceId]);
    return { deviceId, deviceName: device.deviceName };
  },
);

/**
 * Deletes a user and every device of theirs at TruU (DELETE …/domainusers/<guid>/).
 * The caller passes the devices its confirmation listed: if the cache now
 * holds others, nothing is sent, so nobody deletes more than they were shown.
 */
export const deleteTruuUser = action(
  {
    name: "truu.user.deleted", perm: "truu.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), guid: z.string().min(1).max(200), deviceIds: z.array(z.string().min(1)).max(1000) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "truu", targets: [{ type: "truu_user", id: i.guid }] }),
  },
  async ({ tenantId, guid, deviceIds }, ctx) => {
    const user = await db().truuUser.findFirst({ where: { tenantId, vendorId: guid, deletedAt: null } });
    if (!user) throw new ActionError("That user is not in this tenant's TruU users (they may be deleted already).");
    const devices = await db().truuDevice.findMany({
      where: { tenantId, userGuid: guid, deletedAt: null }, orderBy: { deviceName: "asc" },
      select: { vendorId: true, deviceName: true, type: true },
    });
    const shown = new Set(deviceIds);
    if (devices.length !== shown.size || devices.some((d) => !shown.has(d.vendorId))) {
      throw new ActionError(`The user's devices changed since the confirmation was shown (now ${devices.length}). Review the list again.`);
    }
    ctx.audit.targets = [
      { type: "truu_user", id: guid, label: user.upn || user.email || guid },
      ...devices.map((d) => ({ type: "truu_device", id: d.vendorId, label: d.deviceName ?? d.vendorId })),
    ];
    ctx.audit.before = { upn: user.upn, email: user.email, displayName: user.displayName, devices };
    const client = await truuClient(tenantId);
    await client.deleteDomainUser(guid).catch(vendorRefusal);
    ctx.audit.after = { deleted: true, devicesDeleted: devices.length };
    await markDeletedInCache(db(), tenantId, devices.map((d) => d.vendorId), [guid]);
    return { guid, upn: user.upn, devices: devices.length };
  },
);
