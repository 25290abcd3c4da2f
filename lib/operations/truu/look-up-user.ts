import { z } from "zod";
import { VendorError } from "../../vendors/core/vendor-error";
import type { DataDevice } from "../../vendors/truu/schemas";
import { operation } from "../operation";
import { truuOf } from "./_deletes";

type Item = { guid: string };
/** What the cache says of the user, to compare with what TruU says now. */
type Cached = { upn: string | null; devices: number; syncedAt: string | null };
/** The user and their devices as TruU holds them now; `gone` when TruU no longer knows the user. */
type Live = {
  gone: boolean;
  upn: string | null;
  email: string | null;
  displayName: string | null;
  lastSynced: string | null;
  devices: Pick<DataDevice, "deviceId" | "deviceName" | "type" | "active" | "assuranceLevel" | "lastHeardFrom">[];
};

/**
 * Reads one user and their devices at TruU now (GET domainusers/{guid} and the data API), beside the cache's view,
 * which is as old as the last sync. A read: nothing changes at TruU or in the cache.
 */
export default operation<Item, Cached, Live>({
  id: "truu.user.looked_up",
  vendor: "truu",
  label: "Check now at TruU",
  help: "Reads a user and their devices at TruU now, to compare with the cache as of the last sync.",
  perm: "console.read",
  risk: "read",
  idempotent: true,
  input: z.object({ guid: z.string().trim().min(1).max(200) }),
  chunk: 1,
  name: (i) => i.guid,
  before: async (ctx, items) => {
    const users = await ctx.db.truuUser.findMany({
      where: { tenantId: ctx.tenantId, vendorId: { in: items.map((i) => i.guid) } },
      select: { vendorId: true, upn: true, emailNorm: true, syncedAt: true },
    });
    return Promise.all(
      items.map(async (i) => {
        const u = users.find((x) => x.vendorId === i.guid);
        if (!u) return { refused: "No such TruU user in this tenant's cache. Sync TruU and try again." };
        const devices = await ctx.db.truuDevice.count({
          where: { tenantId: ctx.tenantId, userGuid: i.guid, deletedAt: null },
        });
        return { state: { upn: u.upn, devices, syncedAt: u.syncedAt.toISOString() } };
      }),
    );
  },
  expect: () => ({ read: "at TruU now" }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const c = truuOf(ctx);
    try {
      const user = await c.getDomainUser(s.item.guid);
      const [withDevices] = await c.allDataUsers({ guids: [s.item.guid] });
      const devices = (withDevices?.devices ?? []).map((d) => ({
        deviceId: d.deviceId,
        deviceName: d.deviceName,
        type: d.type,
        active: d.active,
        assuranceLevel: d.assuranceLevel,
        lastHeardFrom: d.lastHeardFrom,
      }));
      const live = {
        gone: false,
        upn: user.userPrincipal,
        email: user.email,
        displayName: user.displayName,
        lastSynced: user.lastSynced,
        devices,
      };
      return [
        {
          ok: true,
          message: `TruU knows ${user.userPrincipal ?? s.item.guid} with ${devices.length} device(s).`,
          answer: live,
        },
      ];
    } catch (err) {
      // TruU no longer knows the user: that is the answer, not a failure.
      if (!(err instanceof VendorError) || err.status !== 404) throw err;
      const gone = { gone: true, upn: null, email: null, displayName: null, lastSynced: null, devices: [] };
      return [{ ok: true, message: "TruU no longer knows this user.", answer: gone }];
    }
  },
  audit: {
    targets: (i, s) => [{ type: "truu_user", id: i.guid, ...(s?.upn ? { label: s.upn } : {}) }],
    before: () => undefined,
    after: ([d]) => d?.outcome.answer && { gone: d.outcome.answer.gone, devices: d.outcome.answer.devices.length },
  },
  done: "Checked at TruU",
  result: ([d]) => ({ cached: d?.state ?? null, live: d?.outcome.answer ?? null }),
});
