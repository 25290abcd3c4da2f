import { z } from "zod";
import type { Db } from "../../db/client";
import { markDeletedInCache } from "../../truu/cache-updates";
import { deviceBefore, deviceDeletedAfter, deviceTargets } from "../../truu/device-audit";
import { type Checked, type OpContext, operation } from "../operation";
import { deleteAtTruu, goneAtTruu, TRUU_DELETE, truuOf } from "./_deletes";

type Item = { deviceId: string };
const Item = z.object({ deviceId: z.string().trim().min(1, "deviceId is empty").max(200) });

/** The device as the cache held it (the devices page's before), with the user TruU deletes it under. */
type Shown = ReturnType<typeof deviceBefore> & { userGuid: string | null; deleted?: true };

/** Each device's owner now, from the cache: TruU deletes a device under its user's AD GUID. */
async function ownersOf(db: Db, tenantId: string, deviceIds: string[]) {
  const devices = await db.truuDevice.findMany({
    where: { tenantId, vendorId: { in: deviceIds } },
    select: { vendorId: true, userGuid: true },
  });
  return new Map(devices.map((d) => [d.vendorId, d.userGuid]));
}

const shownOf = (d: Parameters<typeof deviceBefore>[0]): Shown => ({ ...deviceBefore(d), userGuid: d.userGuid });

async function send(ctx: OpContext, deviceId: string, owner: string | null | undefined) {
  if (!owner) return { ok: false, message: "The device's user is not in the cache any more; sync TruU and retry." };
  return deleteAtTruu(
    () => truuOf(ctx).deleteUserDevice(owner, deviceId),
    (answer) => ({ ok: true, message: "Deleted.", answer: { active: answer.active } }),
  );
}

/** Deletes one enrolled device at TruU (DELETE …/domainusers/<guid>/devices/<id>/). TruU keeps no deleted device. */
export default operation<Item, Shown, { active: boolean | null }>({
  id: "truu.device.deleted",
  ...TRUU_DELETE,
  label: "Delete devices",
  help: "Deletes each device from TruU. The user must enrol the device again to use it. Cannot be undone.",
  input: Item,
  before: async (ctx, items) => {
    const ids = items.map((i) => i.deviceId);
    const where = { tenantId: ctx.tenantId, vendorId: { in: ids }, deletedAt: null };
    const byId = new Map((await ctx.db.truuDevice.findMany({ where })).map((d) => [d.vendorId, d]));
    return items.map((i) => {
      const d = byId.get(i.deviceId);
      if (!d) return { refused: "That device is not in this tenant's TruU devices (it may be deleted already)." };
      if (!d.userGuid) {
        return { refused: "That device has no user in the cache, and TruU deletes a device only through its user." };
      }
      return { state: shownOf(d) };
    });
  },
  expect: (_i, s) => (s.deleted ? s : null),
  call: async (ctx, chunk) => {
    const owners = await ownersOf(
      ctx.db,
      ctx.tenantId,
      chunk.map((s) => s.item.deviceId),
    );
    return Promise.all(chunk.map((s) => send(ctx, s.item.deviceId, owners.get(s.item.deviceId))));
  },
  verify: async (ctx, { item }) => {
    const owner = (await ownersOf(ctx.db, ctx.tenantId, [item.deviceId])).get(item.deviceId);
    return owner ? goneAtTruu(() => truuOf(ctx).getUserDevice(owner, item.deviceId)) : null;
  },
  // As the TruU console does: devices marked deleted and dropped from their workstations; no drift next sync.
  cache: (ctx, done) =>
    markDeletedInCache(
      ctx.db,
      ctx.tenantId,
      done.map((d) => d.item.deviceId),
    ),
  irreversible: "TruU keeps no deleted device: the user enrols it again.",
  // Every surface records what the devices page does: the device and its user, the device as cached before.
  audit: {
    targets: (i, s) =>
      deviceTargets({
        vendorId: i.deviceId,
        deviceName: s?.deviceName ?? null,
        userGuid: s?.userGuid ?? null,
        userUpn: s?.userUpn ?? null,
      }),
    before: ([sent]) => {
      if (!sent?.state) return null;
      const { userGuid: _, ...before } = sent.state;
      return before;
    },
    // `active` as TruU answered the delete; null when it was gone already.
    after: ([d]) => (d?.outcome.ok ? deviceDeletedAfter(d.outcome.answer?.active ?? null) : null),
  },
  csv: {
    row: Item,
    columns: [
      {
        field: "deviceId",
        header: "deviceId",
        aliases: ["device", "device id", "id"],
        required: true,
        example: "8c1f0e2a-…",
      },
    ],
    key: (r) => r.deviceId.toLowerCase(),
    // A device the last sync saw; one deleted since is planned as no change, so a repeated file says so.
    check: async (ctx, rows): Promise<Checked<Shown>[]> => {
      const where = { tenantId: ctx.tenantId, vendorId: { in: rows.map((r) => r.deviceId) } };
      const byId = new Map((await ctx.db.truuDevice.findMany({ where })).map((d) => [d.vendorId, d]));
      return rows.map((r) => {
        const d = byId.get(r.deviceId);
        if (!d) {
          return {
            refused: `Unknown device: ${r.deviceId} is not a TruU device of this tenant (as of the last sync).`,
          };
        }
        if (d.deletedAt) return { state: { ...shownOf(d), deleted: true }, plan: "no_change" };
        if (!d.userGuid) {
          return { refused: `Device ${r.deviceId} has no user in the cache; TruU deletes a device under its user.` };
        }
        return { state: shownOf(d) };
      });
    },
  },
  formerBulkId: "truu.delete_devices",
  done: "Device deleted",
  // What the devices page's toast names.
  result: ([d]) => ({ deviceId: d?.item.deviceId, deviceName: d?.state.deviceName ?? null }),
});
