import { z } from "zod";
import type { Db } from "../../db/client";
import { markDeletedInCache } from "../../truu/cache-updates";
import { deviceBefore, deviceDeletedAfter, deviceTargets } from "../../truu/device-audit";
import { VendorError } from "../../vendors/core/vendor-error";
import { clientsFor } from "../../vendors/clients";
import { defineOperation, type PlannedRow } from "../operation";

const Row = z.object({ deviceId: z.string().trim().min(1, "deviceId is empty").max(200) });
type Row = z.infer<typeof Row>;

/** The plan's before: the devices page's, and the user's GUID. */
type Shown = ReturnType<typeof deviceBefore> & { userGuid: string | null };

/** The device's owner from the cache: TruU deletes a device under its user's AD GUID. */
async function ownerOf(db: Db, tenantId: string, deviceId: string) {
  return db.truuDevice.findUnique({ where: { tenantId_vendorId: { tenantId, vendorId: deviceId } }, select: { userGuid: true } });
}

export const truuDeleteDevices = defineOperation<Row>({
  id: "truu.delete_devices", vendor: "truu", label: "TruU: delete devices",
  description: "Deletes each device from TruU. The user must enrol the device again to use it. Cannot be undone.",
  destructive: true, repeatable: false, chunkSize: 1,
  columns: [{ field: "deviceId", header: "deviceId", aliases: ["device", "device id", "id"], required: true, example: "8c1f0e2a-…" }],
  row: Row,
  key: (r) => r.deviceId.toLowerCase(),
  plan: async (db, tenantId, rows) => {
    const devices = await db.truuDevice.findMany({ where: { tenantId, vendorId: { in: rows.map((r) => r.deviceId) } } });
    const byId = new Map(devices.map((d) => [d.vendorId, d]));
    return rows.map((r): PlannedRow => {
      const d = byId.get(r.deviceId);
      if (!d) return { plan: "error", error: `Unknown device: ${r.deviceId} is not a TruU device of this tenant (as of the last sync).` };
      // The devices page's before, with the user's GUID the event names the user by.
      const before = { ...deviceBefore(d), userGuid: d.userGuid };
      if (d.deletedAt) return { plan: "no_change", before: { ...before, deleted: true }, after: { ...before, deleted: true } };
      if (!d.userGuid) return { plan: "error", error: `Device ${r.deviceId} has no user in the cache; TruU deletes a device under its user.` };
      return { plan: "update", before, after: null };
    });
  },
  apply: async (ctx, rows) => {
    const client = clientsFor.truu(ctx.connection);
    return Promise.all(rows.map(async (r) => {
      const owner = await ownerOf(ctx.db, ctx.tenantId, r.deviceId);
      if (!owner?.userGuid) return { ok: false, message: "The device's user is not in the cache any more; sync TruU and retry." };
      try {
        const answer = await client.deleteUserDevice(owner.userGuid, r.deviceId);
        return { ok: true, message: "Deleted.", after: { active: answer.active } };
      } catch (err) {
        // Already gone is the outcome asked for.
        if (err instanceof VendorError && err.status === 404) return { ok: true, message: "Already deleted at TruU." };
        throw err;
      }
    }));
  },
  check: async (ctx, r) => {
    const owner = await ownerOf(ctx.db, ctx.tenantId, r.deviceId);
    if (!owner?.userGuid) return null;
    try {
      await clientsFor.truu(ctx.connection).getUserDevice(owner.userGuid, r.deviceId);
      return false;
    } catch (err) {
      if (err instanceof VendorError && err.status === 404) return true;
      return null;
    }
  },
  // As the TruU console does: devices marked deleted and dropped from their workstations, so the next sync sees no drift.
  afterSuccess: (db, tenantId, rows) => markDeletedInCache(db, tenantId, rows.map((r) => r.deviceId)),
  audit: {
    action: "truu.device.deleted",
    // As the devices page records a delete: the device and its user; the device as cached before, { deleted, active } after.
    target: (r, p) => {
      const b = p.before as Shown | null;
      return deviceTargets({ vendorId: r.deviceId, deviceName: b?.deviceName ?? null, userGuid: b?.userGuid ?? null, userUpn: b?.userUpn ?? null });
    },
    values: (_r, p, o) => {
      const { userGuid: _, ...before } = (p.before ?? {}) as Shown;
      return { before: p.before ? before : null, after: o.status === "succeeded" ? deviceDeletedAfter((p.after as { active?: boolean } | null)?.active ?? null) : null };
    },
    irreversible: "TruU keeps no deleted device: the user enrols it again.",
  },
});
