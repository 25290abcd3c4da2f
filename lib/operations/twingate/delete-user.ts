import { z } from "zod";
import { ActionError } from "../../actions/result";
import { userTarget } from "../../sync/twingate/targets";
import { cacheDelete } from "../../twingate/cache";
import type { TwingateClient } from "../../vendors/twingate/client";
import { operation } from "../operation";

/** What the cache knew of the user: the event's before, and the devices the page says went with them. */
type Cached = { email: string; role: string | null; state: string; type: string | null; devices: number };

const NOT_CACHED = "No such Twingate user in this tenant's cache. Sync Twingate and try again.";

export default operation<{ userId: string }, Cached>({
  id: "twingate.user.deleted",
  vendor: "twingate",
  label: "Delete user",
  help:
    "Twingate deletes the user with their devices and group memberships. " +
    "Users synced from an identity provider are removed there.",
  perm: "twingate.write",
  risk: "destructive",
  // A second delete finds no user.
  idempotent: false,
  input: z.object({ userId: z.string().trim().min(1).max(200) }),
  chunk: 1,
  name: (i) => i.userId,
  before: async (ctx, items) => {
    const users = await ctx.db.twingateUser.findMany({
      where: { tenantId: ctx.tenantId, deletedAt: null, vendorId: { in: items.map((i) => i.userId) } },
      select: { vendorId: true, email: true, role: true, state: true, type: true },
    });
    const devices = await ctx.db.twingateDevice.groupBy({
      by: ["userVendorId"],
      where: { tenantId: ctx.tenantId, deletedAt: null, userVendorId: { in: users.map((u) => u.vendorId) } },
      _count: true,
    });
    return items.map((i) => {
      const u = users.find((x) => x.vendorId === i.userId);
      if (!u) return { refused: NOT_CACHED };
      const count = devices.find((d) => d.userVendorId === u.vendorId)?._count ?? 0;
      return { state: { email: u.email, role: u.role, state: u.state, type: u.type, devices: count } };
    });
  },
  expect: () => null,
  call: async (ctx, [s]) => {
    if (!s) return [];
    // Refused here, once the event names whom it was asked for: Twingate refuses it too (userDelete answers ok:false).
    if (s.state.type === "SYNCED") {
      throw new ActionError(
        `${s.state.email} is synced from the identity provider: Twingate cannot delete it. Remove or unassign the ` +
          "user there; the next directory sync removes it from Twingate.",
      );
    }
    await (ctx.client as TwingateClient).userDelete(s.item.userId);
    return [{ ok: true, message: `Twingate: ${s.state.email} deleted.` }];
  },
  // Twingate deletes the user's devices and memberships with it.
  cache: async (ctx, done) => {
    const ids = done.map((d) => d.item.userId);
    const now = new Date();
    await cacheDelete(ctx.db, ctx.tenantId, userTarget as never, ids);
    await ctx.db.twingateDevice.updateMany({
      where: { tenantId: ctx.tenantId, userVendorId: { in: ids }, deletedAt: null },
      data: { deletedAt: now },
    });
    await ctx.db.vendorEdge.updateMany({
      where: { tenantId: ctx.tenantId, vendor: "twingate", kind: "group_member", toId: { in: ids }, deletedAt: null },
      data: { deletedAt: now },
    });
  },
  irreversible: "Twingate keeps no deleted user: they are invited again, and their devices enrol again.",
  audit: {
    targets: (i, s) => [{ type: "twingate_user", id: i.userId, ...(s?.email ? { label: s.email } : {}) }],
    before: ([s]) => s && { email: s.state.email, role: s.state.role, state: s.state.state, type: s.state.type },
    after: () => undefined,
  },
  done: "Deleted",
  result: ([d]) => d && { email: d.state.email, devices: d.state.devices },
});
