import { z } from "zod";
import { ActionError } from "../../actions/result";
import { twingateUserProblem, twingateUsersByEmail } from "../../bulk/operations/twingate-lookup";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { userTarget } from "../../sync/twingate/targets";
import { cacheDelete } from "../../twingate/cache";
import type { TwingateClient } from "../../vendors/twingate/client";
import { type CacheContext, type Checked, operation } from "../operation";
import { EMAIL_COLUMN } from "./_user";

/** What the cache knew of the user: the event's before, and the devices the page says went with them. */
type Cached = {
  userId: string;
  email: string;
  role: string | null;
  state: string;
  type: string | null;
  devices: number;
};

const NOT_CACHED = "No such Twingate user in this tenant's cache. Sync Twingate and try again.";
const SYNCED = (email: string) =>
  `${email} is synced from the identity provider: Twingate cannot delete it. Remove or unassign the ` +
  "user there; the next directory sync removes it from Twingate.";

/** The cached users named, with the number of devices each has (what goes with them). */
async function cachedUsers(ctx: CacheContext, ids: string[]): Promise<Map<string, Cached>> {
  const users = await ctx.db.twingateUser.findMany({
    where: { tenantId: ctx.tenantId, deletedAt: null, vendorId: { in: ids } },
    select: { vendorId: true, email: true, role: true, state: true, type: true },
  });
  const devices = await ctx.db.twingateDevice.groupBy({
    by: ["userVendorId"],
    where: { tenantId: ctx.tenantId, deletedAt: null, userVendorId: { in: users.map((u) => u.vendorId) } },
    _count: true,
  });
  const count = new Map(devices.map((d) => [d.userVendorId, d._count]));
  return new Map(
    users.map((u) => [
      u.vendorId,
      {
        userId: u.vendorId,
        email: u.email,
        role: u.role,
        state: u.state,
        type: u.type,
        devices: count.get(u.vendorId) ?? 0,
      },
    ]),
  );
}

const EmailRow = z.object({ email: Upn });
type EmailRow = z.infer<typeof EmailRow>;

/** A sheet's email must name one cached user whom Twingate can delete (a synced one is the identity provider's). */
async function deletable(ctx: CacheContext, rows: EmailRow[]): Promise<Checked<Cached>[]> {
  const find = await twingateUsersByEmail(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.email),
  );
  const cached = await cachedUsers(
    ctx,
    rows.flatMap((r) => find(r.email).map((u) => u.vendorId)),
  );
  return rows.map((r) => {
    const found = find(r.email);
    const problem = twingateUserProblem(r.email, found);
    const state = found[0] && cached.get(found[0].vendorId);
    if (problem || !state) return { refused: problem ?? NOT_CACHED };
    if (state.type === "SYNCED") return { refused: SYNCED(state.email) };
    return { state, plan: "update" };
  });
}

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
    const cached = await cachedUsers(
      ctx,
      items.map((i) => i.userId),
    );
    return items.map((i) => {
      const state = cached.get(i.userId);
      return state ? { state } : { refused: NOT_CACHED };
    });
  },
  expect: () => null,
  call: async (ctx, [s]) => {
    if (!s) return [];
    // Refused here, once the event names whom it was asked for: Twingate refuses it too (userDelete answers ok:false).
    if (s.state.type === "SYNCED") {
      throw new ActionError(SYNCED(s.state.email));
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
  // A sheet of leavers' emails; each row plans as what the cache knew (role, state, devices that go with them).
  csv: {
    row: EmailRow,
    columns: [EMAIL_COLUMN],
    key: (r: EmailRow) => normEmail(r.email),
    check: deletable,
    toItem: (_r: EmailRow, s: Cached) => ({ userId: s.userId }),
  },
  done: "Deleted",
  result: ([d]) => d && { email: d.state.email, devices: d.state.devices },
});
