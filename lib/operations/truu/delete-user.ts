import { z } from "zod";
import { UPN_ALIASES } from "../../bulk/headers";
import { markDeletedInCache } from "../../truu/cache-updates";
import { type Checked, type OpContext, operation, type Sent } from "../operation";
import { type Device, deleteAtTruu, devicesOf, goneAtTruu, sameDevices, TRUU_DELETE, truuOf } from "./_deletes";
import { usersNamed } from "./_user-lookup";

/** A user by AD GUID, and the devices the person deleting them was shown (nobody deletes more than they saw). */
type Item = { guid: string; deviceIds: string[] };
const Item = z.object({ guid: z.string().min(1).max(200), deviceIds: z.array(z.string().min(1)).max(1000) });

const Row = z.object({ user: z.string().trim().min(1, "upn is empty").max(320) });
type Row = z.infer<typeof Row>;

/** The user as the cache held them, with the devices that go with them; `deleted` when they were gone already. */
interface Shown {
  guid: string;
  upn: string;
  email?: string | null;
  displayName?: string | null;
  devices?: Device[];
  deleted?: true;
}

const plural = (n: number) => `${n} device${n === 1 ? "" : "s"}`;

async function send(ctx: OpContext, s: Sent<Item, Shown>, now: Device[]) {
  // As the console's confirmation: nobody deletes more devices than were listed.
  if (!sameDevices(s.item.deviceIds, now)) {
    const listed = new Set(s.item.deviceIds).size;
    const changed = `The user's devices changed since the plan (listed ${listed}, now ${now.length})`;
    const message = `${changed}; nothing was deleted. Plan the file again.`;
    return { ok: false, message };
  }
  return deleteAtTruu(
    () => truuOf(ctx).deleteDomainUser(s.item.guid),
    () => ({ ok: true, message: `Deleted with ${plural(s.item.deviceIds.length)}.` }),
  );
}

/** Deletes a user and every device of theirs at TruU (DELETE …/domainusers/<guid>/). */
export default operation<Item, Shown>({
  id: "truu.user.deleted",
  ...TRUU_DELETE,
  label: "Delete users",
  help:
    "Deletes each user from TruU with all of their devices, as the user page's delete does. They must enrol again " +
    "to use TruU. Cannot be undone. A user whose devices change after the plan is not deleted; plan the file again.",
  input: Item,
  before: async (ctx, items) => {
    const guids = items.map((i) => i.guid);
    const where = { tenantId: ctx.tenantId, vendorId: { in: guids }, deletedAt: null };
    const users = new Map((await ctx.db.truuUser.findMany({ where })).map((u) => [u.vendorId, u]));
    const devices = await devicesOf(ctx.db, ctx.tenantId, guids);
    return items.map((i) => {
      const u = users.get(i.guid);
      if (!u) return { refused: "That user is not in this tenant's TruU users (they may be deleted already)." };
      const now = devices.get(i.guid) ?? [];
      if (!sameDevices(i.deviceIds, now)) {
        const changed = `The user's devices changed since the confirmation was shown (now ${now.length})`;
        return { refused: `${changed}. Review the list again.` };
      }
      return { state: { guid: u.vendorId, upn: u.upn, email: u.email, displayName: u.displayName, devices: now } };
    });
  },
  expect: (_i, s) => (s.deleted ? s : { deleted: true, devicesDeleted: s.devices?.length ?? 0 }),
  call: async (ctx, chunk) => {
    const now = await devicesOf(
      ctx.db,
      ctx.tenantId,
      chunk.map((s) => s.item.guid),
    );
    return Promise.all(chunk.map((s) => send(ctx, s, now.get(s.item.guid) ?? [])));
  },
  verify: (ctx, { item }) => goneAtTruu(() => truuOf(ctx).getDomainUser(item.guid)),
  // As the TruU console does: the user and their devices marked deleted, workstations dropping the devices.
  cache: (ctx, done) =>
    markDeletedInCache(
      ctx.db,
      ctx.tenantId,
      done.flatMap((d) => d.item.deviceIds),
      done.map((d) => d.item.guid),
    ),
  irreversible: "TruU keeps no deleted user or device: the user enrols again.",
  audit: {
    // The user, then each device deleted with them.
    targets: (i, s) => [
      { type: "truu_user", id: i.guid, ...(s ? { label: s.upn || s.email || i.guid } : {}) },
      ...(s?.devices ?? []).map((d) => ({ type: "truu_device", id: d.vendorId, label: d.deviceName ?? d.vendorId })),
    ],
    before: ([sent]) => {
      const s = sent?.state;
      return s ? { upn: s.upn, email: s.email, displayName: s.displayName, devices: s.devices } : null;
    },
    after: ([d]) => (d?.outcome.ok ? { deleted: true, devicesDeleted: d.state?.devices?.length ?? 0 } : null),
  },
  csv: {
    row: Row,
    columns: [
      {
        field: "user",
        header: "upn",
        aliases: [...UPN_ALIASES, "guid", "userguid", "adguid", "objectguid"],
        required: true,
        example: "alice.smith@northwind.example",
        hint: "a UPN, email or AD GUID",
      },
    ],
    key: (r: Row) => r.user.toLowerCase(),
    check: async (ctx, rows: Row[]): Promise<Checked<Shown>[]> => {
      const find = await usersNamed(
        ctx.db,
        ctx.tenantId,
        rows.map((r) => r.user),
      );
      const found = rows.map((r) => find(r.user));
      const devices = await devicesOf(
        ctx.db,
        ctx.tenantId,
        found.flatMap((f) => f.live.map((u) => u.vendorId)),
      );
      const seen = new Set<string>();
      return rows.map((r, i): Checked<Shown> => {
        const { live = [], deleted = [] } = found[i] ?? {};
        const [u, other] = live;
        if (other) return { refused: `Ambiguous: ${live.length} TruU users match ${r.user}; use the user's AD GUID.` };
        if (!u) {
          const [gone] = deleted;
          if (gone) return { state: { guid: gone.vendorId, upn: gone.upn, deleted: true }, plan: "no_change" };
          return { refused: `Unknown user: ${r.user} is not a TruU user of this tenant (as of the last sync).` };
        }
        // A UPN and a GUID of the same person in one file: one delete, not two.
        if (seen.has(u.vendorId)) return { refused: `Same TruU user (${u.upn}) as an earlier row in this file.` };
        seen.add(u.vendorId);
        const shown = {
          upn: u.upn,
          email: u.email,
          displayName: u.displayName,
          devices: devices.get(u.vendorId) ?? [],
        };
        return { state: { guid: u.vendorId, ...shown } };
      });
    },
    // The devices the plan listed are those the row may delete.
    toItem: (row: Row, s: Shown | null) => ({
      guid: s?.guid ?? row.user,
      deviceIds: (s?.devices ?? []).map((d) => d.vendorId),
    }),
  },
  formerBulkId: "truu.delete_users",
  done: "User deleted",
  // What the user page's toast names: "Deleted <upn> and <n> devices at TruU."
  result: ([d]) => ({ guid: d?.item.guid, upn: d?.state.upn, devices: d?.state.devices?.length ?? 0 }),
});
