import { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import type { ColumnSpec } from "../../bulk/headers";
import { deviceTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import type { UndoableEvent } from "../../undo/inverse";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Device } from "../../vendors/twingate/schemas";
import type { Before, CacheContext, Checked, OperationDef } from "../operation";

// What Twingate's six device verbs (block, unblock, archive, unarchive,
// trust, untrust) share: a device named by Twingate's id, one write per
// device (Twingate allows 20 writes a minute per API token), the device as
// Twingate answered written to the cache as the sync writes it, and an
// audit of { activeState, isTrusted } before and after, the device's
// opposite verb as its undo.

export type DeviceItem = { deviceId: string };
export const DeviceItem = z.object({ deviceId: z.string().trim().min(1).max(200) });

/** What the cache knows of a device: its id and name (a bulk row's plan keeps them), its state and trust. */
export type DeviceState = { deviceId: string; name: string; activeState: string; isTrusted: boolean };
type Status = Pick<DeviceState, "activeState" | "isTrusted">;

type Cached = {
  vendorId: string;
  name: string | null;
  hostname: string | null;
  serialNumber: string | null;
  activeState: string;
  isTrusted: boolean;
};
const stateOf = (d: Cached): DeviceState => ({
  deviceId: d.vendorId,
  // As the devices page names a device.
  name: d.name ?? d.hostname ?? d.serialNumber ?? d.vendorId,
  activeState: d.activeState,
  isTrusted: d.isTrusted,
});
const CACHED = { vendorId: true, name: true, hostname: true, serialNumber: true, activeState: true, isTrusted: true };

const NOT_CACHED = "No such Twingate device in this tenant's cache. Sync Twingate and try again.";

async function cachedDevices(ctx: CacheContext, items: DeviceItem[]): Promise<Map<string, DeviceState>> {
  const devices = await ctx.db.twingateDevice.findMany({
    where: { tenantId: ctx.tenantId, deletedAt: null, vendorId: { in: [...new Set(items.map((i) => i.deviceId))] } },
    select: CACHED,
  });
  return new Map(devices.map((d) => [d.vendorId, stateOf(d)]));
}

const lc = (s: string) => s.toLowerCase();

/**
 * A sheet's row names a device as the devices page shows it: Twingate's id,
 * else its serial number, else its name or hostname (case-insensitive). A
 * name several devices share is ambiguous: the row must use the id or serial.
 * An id and a serial of the same device in one file are one change, not two.
 */
async function resolveRows(ctx: CacheContext, rows: DeviceRow[]): Promise<Checked<DeviceState>[]> {
  const values = [...new Set(rows.map((r) => r.device))];
  const devices = await ctx.db.twingateDevice.findMany({
    where: {
      tenantId: ctx.tenantId,
      deletedAt: null,
      OR: [
        { vendorId: { in: values } },
        { serialNumber: { in: values, mode: "insensitive" } },
        { name: { in: values, mode: "insensitive" } },
        { hostname: { in: values, mode: "insensitive" } },
      ],
    },
    select: CACHED,
  });
  const seen = new Set<string>();
  return rows.map((r) => {
    const v = lc(r.device);
    const byId = devices.filter((d) => d.vendorId === r.device);
    const bySerial = devices.filter((d) => d.serialNumber && lc(d.serialNumber) === v);
    const byName = devices.filter((d) => (d.name && lc(d.name) === v) || (d.hostname && lc(d.hostname) === v));
    const found = byId.length ? byId : bySerial.length ? bySerial : byName;
    const [only] = found;
    if (!only) {
      return {
        refused:
          `Unknown device: ${r.device} is not a Twingate device id, serial or name of this tenant ` +
          "(as of the last sync).",
      };
    }
    if (found.length > 1) {
      return { refused: `Ambiguous device: ${found.length} Twingate devices match ${r.device}; use the device id.` };
    }
    const state = stateOf(only);
    if (seen.has(state.deviceId))
      return { refused: `Same Twingate device (${state.name}) as an earlier row in this file.` };
    seen.add(state.deviceId);
    return { state };
  });
}

const DeviceRow = z.object({ device: z.string().trim().min(1, "device is empty").max(200) });
type DeviceRow = z.infer<typeof DeviceRow>;

const DEVICE_COLUMN: ColumnSpec = {
  field: "device",
  header: "device",
  aliases: ["deviceid", "device id", "id", "serial", "serialnumber", "serial number", "name", "devicename", "hostname"],
  required: true,
  example: "C02XK1ZZJGH5",
  hint: "device id, serial number or name",
};

const status = (s: Status): Status => ({ activeState: s.activeState, isTrusted: s.isTrusted });

/** Twingate's answer: what the device now is (when the change did not show, the words after "Twingate refused:"). */
function answered(d: Device, ok: boolean) {
  const now = `${d.name ?? d.id} is ${d.activeState}${d.isTrusted ? ", trusted" : ", not trusted"}`;
  return ok ? `Twingate: ${now}.` : `${now} after the change.`;
}

/** The device an event's change reached, by the twingate_device target's id (the page's and a bulk row's). */
function deviceOfEvent(e: UndoableEvent): DeviceItem[] | null {
  const targets = e.targets as { type: string; id: string }[] | null;
  const deviceId = targets?.find((t) => t.type === "twingate_device")?.id;
  return deviceId ? [{ deviceId }] : null;
}

/**
 * One of the six verbs: the same item, cache read, audit and cache write,
 * differing in the call, the state it sets and the undo.
 */
export function deviceVerb(v: {
  id: AuditAction;
  label: string;
  help: string;
  /** What the verb sets, and its value after the change from the value before (the plan's "after"). */
  field: keyof Status;
  to: (s: Status) => Status;
  send: (c: TwingateClient, deviceId: string) => Promise<Device>;
  inverse: { op: AuditAction; label: string };
  /** Offered in bulk: the former bulk id, and a state a sheet's row must not be changed from (the plan says why). */
  /** Offered in bulk, by the id its sheet had before operations had one (if it had a sheet), refusing some rows. */
  bulk?: { id?: string; refuse?: (s: Status) => string | null };
}): OperationDef<DeviceItem, DeviceState, Device> {
  const bulk = v.bulk;
  const refuse = bulk?.refuse;
  const wanted = (s: Status) => v.to(s)[v.field];
  const planOf = (s: Status) => (wanted(s) === s[v.field] ? "no_change" : "update");
  return {
    id: v.id,
    vendor: "twingate",
    label: v.label,
    help: `${v.help} Twingate allows 20 changes a minute per tenant.`,
    perm: "twingate.write",
    risk: "reversible",
    idempotent: true,
    input: DeviceItem,
    chunk: 1,
    before: async (ctx, items): Promise<Before<DeviceState, DeviceItem>[]> => {
      const known = await cachedDevices(ctx, items);
      return items.map((i) => {
        const state = known.get(i.deviceId);
        return state ? { state, plan: planOf(state) } : { refused: NOT_CACHED };
      });
    },
    expect: (_i, state) => ({ ...state, ...v.to(state) }),
    call: async (ctx, [sent]) => {
      if (!sent) return [];
      const device = await v.send(ctx.client as TwingateClient, sent.item.deviceId);
      // A success only when Twingate's answer shows what the verb sets (what bulk rows always checked): a device
      // changed at Twingate since the last sync may be left as it was (unblocking one that is now archived).
      const ok = device[v.field] === wanted(sent.state);
      return [{ ok, message: answered(device, ok), answer: device }];
    },
    // The device as Twingate answered, written as the sync writes it: the page shows it now and the sync sees no drift.
    cache: async (ctx, done) => {
      for (const d of done)
        if (d.outcome.answer) await cacheWrite(ctx.db, ctx.tenantId, deviceTarget, d.outcome.answer);
    },
    inverse: { ...v.inverse, items: deviceOfEvent },
    audit: {
      targets: (i, s) => [{ type: "twingate_device", id: i.deviceId, label: s?.name ?? i.deviceId }],
      before: ([s]) => s && status(s.state),
      // What Twingate answered; a bulk row whose answer the settler does not carry records its plan's "after".
      after: ([d]) => d && status(d.outcome.answer ?? { ...d.state, ...v.to(d.state) }),
    },
    csv: bulk && {
      row: DeviceRow,
      columns: [DEVICE_COLUMN],
      key: (r: DeviceRow) => lc(r.device),
      check: async (ctx, rows: DeviceRow[]) =>
        (await resolveRows(ctx, rows)).map((c) => {
          const why = c.state && refuse?.(c.state);
          if (!c.state || c.refused) return c;
          return why ? { refused: why } : { state: c.state, plan: planOf(c.state) };
        }),
      toItem: (_r: DeviceRow, state: DeviceState) => ({ deviceId: state.deviceId }),
    },
    formerBulkId: bulk?.id,
    done: v.label,
    result: ([d]) => {
      const device = d?.outcome.answer;
      return device && { name: device.name, activeState: device.activeState, isTrusted: device.isTrusted };
    },
  };
}
