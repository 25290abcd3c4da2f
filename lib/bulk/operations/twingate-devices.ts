import type { AuditAction } from "../../audit/event-types";
import { z } from "zod";
import type { Db } from "../../db/client";
import { deviceTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Device } from "../../vendors/twingate/schemas";
import { defineOperation, type PlannedRow } from "../operation";
import { bulkTwingateClient, twingateMessage } from "./twingate-users";

const Row = z.object({ device: z.string().trim().min(1, "device is empty").max(200) });
type Row = z.infer<typeof Row>;

const lc = (s: string) => s.toLowerCase();

type Cached = { vendorId: string; name: string | null; hostname: string | null; serialNumber: string | null; activeState: string; isTrusted: boolean };
const label = (d: Cached) => d.name ?? d.hostname ?? d.serialNumber ?? d.vendorId;

/**
 * A row names a device as the devices page shows it: Twingate's id, else its
 * serial number, else its name or hostname (case-insensitive). A name that
 * several devices share is ambiguous: the row must use the id or serial.
 */
async function resolve(db: Db, tenantId: string, rows: Row[]) {
  const values = [...new Set(rows.map((r) => r.device))];
  const devices = await db.twingateDevice.findMany({
    where: {
      tenantId, deletedAt: null,
      OR: [
        { vendorId: { in: values } }, { serialNumber: { in: values, mode: "insensitive" } },
        { name: { in: values, mode: "insensitive" } }, { hostname: { in: values, mode: "insensitive" } },
      ],
    },
    select: { vendorId: true, name: true, hostname: true, serialNumber: true, activeState: true, isTrusted: true },
  });
  return (r: Row): { device?: Cached; error?: string } => {
    const v = lc(r.device);
    const byId = devices.filter((d) => d.vendorId === r.device);
    const bySerial = devices.filter((d) => d.serialNumber && lc(d.serialNumber) === v);
    const byName = devices.filter((d) => (d.name && lc(d.name) === v) || (d.hostname && lc(d.hostname) === v));
    const found = byId.length ? byId : bySerial.length ? bySerial : byName;
    if (!found.length) return { error: `Unknown device: ${r.device} is not a Twingate device id, serial or name of this tenant (as of the last sync).` };
    if (found.length > 1) return { error: `Ambiguous device: ${found.length} Twingate devices match ${r.device}; use the device id.` };
    return { device: found[0] };
  };
}

type State = { activeState: string; isTrusted: boolean };

interface Verb {
  id: string; label: string; description: string; destructive: boolean; action: AuditAction;
  /** The state after the change, from the state before. */
  to: (d: State) => State;
  call: (c: TwingateClient, id: string) => Promise<Device>;
  /** When Twingate will not make this change from the device's state (the plan says why). */
  refuse?: (d: State) => string | null;
}

/** Block, unblock, archive or trust devices: the devices page's actions, one audited event per device. */
const deviceOperation = (v: Verb) =>
  defineOperation<Row>({
    id: v.id, vendor: "twingate", label: v.label, description: `${v.description} Twingate allows 20 changes a minute per tenant.`,
    destructive: v.destructive, repeatable: true, chunkSize: 1,
    columns: [{ field: "device", header: "device", aliases: ["deviceid", "device id", "id", "serial", "serialnumber", "serial number", "name", "devicename", "hostname"], required: true, example: "C02XK1ZZJGH5", hint: "device id, serial number or name" }],
    row: Row,
    key: (r) => lc(r.device),
    plan: async (db, tenantId, rows) => {
      const find = await resolve(db, tenantId, rows);
      const seen = new Set<string>();
      return rows.map((r): PlannedRow => {
        const { device: d, error } = find(r);
        if (!d) return { plan: "error", error: error! };
        // An id and a serial of the same device in one file: one change, not two.
        if (seen.has(d.vendorId)) return { plan: "error", error: `Same Twingate device (${label(d)}) as an earlier row in this file.` };
        seen.add(d.vendorId);
        const before = { deviceId: d.vendorId, name: label(d), activeState: d.activeState, isTrusted: d.isTrusted };
        const refusal = v.refuse?.(d);
        if (refusal) return { plan: "error", error: refusal };
        const after = { ...before, ...v.to({ activeState: d.activeState, isTrusted: d.isTrusted }) };
        const same = after.activeState === before.activeState && after.isTrusted === before.isTrusted;
        return { plan: same ? "no_change" : "update", before, after };
      });
    },
    apply: async (ctx, rows, plans) => {
      const client = bulkTwingateClient(ctx.db, ctx.tenantId, ctx.connection);
      return Promise.all(rows.map(async (_r, i) => {
        const deviceId = (plans[i].before as { deviceId?: string } | null)?.deviceId;
        if (!deviceId) return { ok: false, message: "The plan of this row names no device; plan the file again." };
        try {
          const device = await v.call(client, deviceId);
          // The device as Twingate answered, written as the sync writes it (the devices page does the same).
          await cacheWrite(ctx.db, ctx.tenantId, deviceTarget, device);
          const want = plans[i].after as State;
          return { ok: device.activeState === want.activeState && device.isTrusted === want.isTrusted, message: `Twingate: ${device.name ?? deviceId} is ${device.activeState}${device.isTrusted ? ", trusted" : ", not trusted"}.` };
        } catch (err) {
          return { ok: false, message: twingateMessage(err) };
        }
      }));
    },
    audit: {
      action: v.action,
      // As the devices page records it: the device by Twingate id, before/after { activeState, isTrusted }; its undo reads the id.
      target: (r, p) => {
        const b = p.before as { deviceId?: string; name?: string } | null;
        return { type: "twingate_device", id: b?.deviceId ?? r.device, label: b?.name ?? r.device };
      },
      values: (_r, p) => {
        const pick = (x: unknown) => { const s = x as State | null; return s && { activeState: s.activeState, isTrusted: s.isTrusted }; };
        return { before: pick(p.before), after: pick(p.after) };
      },
    },
  });

export const twingateDeviceBlock = deviceOperation({
  id: "twingate.device_block", label: "Twingate: block devices", action: "twingate.device.blocked", destructive: true,
  description: "Blocks each device: it cannot connect to the network until unblocked (each row's Undo unblocks it).",
  to: (d) => ({ ...d, activeState: "BLOCKED" }), call: (c, id) => c.deviceBlock(id),
});

export const twingateDeviceUnblock = deviceOperation({
  id: "twingate.device_unblock", label: "Twingate: unblock devices", action: "twingate.device.unblocked", destructive: false,
  description: "Unblocks each blocked device; a device that is not blocked needs no change.",
  to: (d) => ({ ...d, activeState: d.activeState === "BLOCKED" ? "ACTIVE" : d.activeState }), call: (c, id) => c.deviceUnblock(id),
});

export const twingateDeviceArchive = deviceOperation({
  id: "twingate.device_archive", label: "Twingate: archive devices", action: "twingate.device.archived", destructive: true,
  description: "Archives each device: it leaves the active device list. Twingate un-archives a device by itself the next time it connects, and each row's Undo un-archives it.",
  to: (d) => ({ ...d, activeState: "ARCHIVED" }), call: (c, id) => c.deviceArchive(id),
  // A device has one state: archiving a blocked one would drop the block, and it would come back active when it next connects.
  refuse: (d) => (d.activeState === "BLOCKED" ? "The device is blocked: archiving it would lift the block when it next connects. Unblock it first if that is meant." : null),
});

export const twingateDeviceTrust = deviceOperation({
  id: "twingate.device_trust", label: "Twingate: trust devices", action: "twingate.device.trusted", destructive: false,
  description: "Marks each device trusted, so resources whose policy asks for a trusted device admit it (each row's Undo untrusts it).",
  to: (d) => ({ ...d, isTrusted: true }), call: (c, id) => c.deviceUpdate(id, true),
});
