import { z } from "zod";
import type { Db } from "../../db/client";
import { normEmail } from "../../sync/target";
import { markDeletedInCache } from "../../truu/cache-updates";
import { clientsFor } from "../../vendors/clients";
import { VendorError } from "../../vendors/core/vendor-error";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow, type RowPlan } from "../operation";

const Row = z.object({ user: z.string().trim().min(1, "upn is empty").max(320) });
type Row = z.infer<typeof Row>;

interface Device { vendorId: string; deviceName: string | null; type: string | null }
/** The plan's before: the delete-user action's before, plus the GUID it was resolved to. */
interface Shown { guid: string; upn: string; email: string | null; displayName: string | null; devices: Device[] }

const lc = (s: string) => s.toLowerCase();

/**
 * A row names a user by UPN, email or AD GUID. Users already deleted stay in
 * the cache (marked deleted), so a repeated file can say "already deleted".
 */
async function resolve(db: Db, tenantId: string, rows: Row[]) {
  const byName = rows.filter((r) => r.user.includes("@")).map((r) => normEmail(r.user));
  const byGuid = rows.filter((r) => !r.user.includes("@")).map((r) => r.user);
  const users = await db.truuUser.findMany({
    where: {
      tenantId,
      OR: [
        { emailNorm: { in: byName } }, { upn: { in: byName, mode: "insensitive" } }, { email: { in: byName, mode: "insensitive" } },
        { vendorId: { in: byGuid, mode: "insensitive" } },
      ],
    },
    select: { vendorId: true, upn: true, email: true, emailNorm: true, displayName: true, deletedAt: true },
  });
  return (r: Row) => {
    const v = lc(r.user);
    const matches = r.user.includes("@")
      ? users.filter((u) => u.emailNorm === v || lc(u.upn) === v || lc(u.email ?? "") === v)
      // TruU's path is case-sensitive: the exact GUID wins over a case-insensitive match.
      : (users.filter((u) => u.vendorId === r.user).length ? users.filter((u) => u.vendorId === r.user) : users.filter((u) => lc(u.vendorId) === v));
    return { live: matches.filter((u) => !u.deletedAt), deleted: matches.filter((u) => u.deletedAt) };
  };
}

async function devicesOf(db: Db, tenantId: string, guids: string[]): Promise<Map<string, Device[]>> {
  const devices = await db.truuDevice.findMany({
    where: { tenantId, userGuid: { in: guids }, deletedAt: null }, orderBy: { deviceName: "asc" },
    select: { vendorId: true, deviceName: true, type: true, userGuid: true },
  });
  const out = new Map<string, Device[]>();
  for (const { userGuid, ...d } of devices) out.set(userGuid!, [...(out.get(userGuid!) ?? []), d]);
  return out;
}

const shownOf = (p: RowPlan) => p.before as Shown | null;

/**
 * Deletes users and every device of theirs at TruU, as the TruU console's
 * delete-user action does. Not repeatable: a row in doubt after a crash is
 * checked at TruU (is the user still there?) before anything is resent.
 */
export const truuDeleteUsers = defineOperation<Row>({
  id: "truu.delete_users", vendor: "truu", label: "TruU: delete users",
  description: "Deletes each user from TruU with all of their devices, as the user page's delete does. They must enrol again to use TruU. Cannot be undone. A user whose devices change after the plan is not deleted; plan the file again.",
  destructive: true, repeatable: false, chunkSize: 1,
  columns: [{ field: "user", header: "upn", aliases: [...UPN_ALIASES, "guid", "userguid", "adguid", "objectguid"], required: true, example: "alice.smith@northwind.example", hint: "a UPN, email or AD GUID" }],
  row: Row,
  key: (r) => lc(r.user),
  plan: async (db, tenantId, rows) => {
    const find = await resolve(db, tenantId, rows);
    const found = rows.map(find);
    const devices = await devicesOf(db, tenantId, found.flatMap((f) => f.live.map((u) => u.vendorId)));
    const seen = new Set<string>();
    return rows.map((r, i): PlannedRow => {
      const { live, deleted } = found[i];
      if (live.length > 1) return { plan: "error", error: `Ambiguous: ${live.length} TruU users match ${r.user}; use the user's AD GUID.` };
      if (live.length === 0) {
        if (deleted.length) {
          const u = deleted[0];
          const gone = { guid: u.vendorId, upn: u.upn, deleted: true };
          return { plan: "no_change", before: gone, after: gone };
        }
        return { plan: "error", error: `Unknown user: ${r.user} is not a TruU user of this tenant (as of the last sync).` };
      }
      const u = live[0];
      // A UPN and a GUID of the same person in one file: one delete, not two.
      if (seen.has(u.vendorId)) return { plan: "error", error: `Same TruU user (${u.upn}) as an earlier row in this file.` };
      seen.add(u.vendorId);
      const shown: Shown = { guid: u.vendorId, upn: u.upn, email: u.email, displayName: u.displayName, devices: devices.get(u.vendorId) ?? [] };
      return { plan: "update", before: shown, after: { deleted: true, devicesDeleted: shown.devices.length } };
    });
  },
  apply: async (ctx, rows, plans) => {
    const client = clientsFor.truu(ctx.connection);
    const shown = plans.map(shownOf);
    const now = await devicesOf(ctx.db, ctx.tenantId, shown.flatMap((s) => (s ? [s.guid] : [])));
    return Promise.all(rows.map(async (_r, i) => {
      const s = shown[i];
      if (!s) return { ok: false, message: "The plan of this row names no user; plan the file again." };
      // As the console's confirmation: nobody deletes more devices than the plan listed.
      const current = now.get(s.guid) ?? [];
      const listed = new Set(s.devices.map((d) => d.vendorId));
      if (current.length !== listed.size || current.some((d) => !listed.has(d.vendorId))) {
        return { ok: false, message: `The user's devices changed since the plan (listed ${listed.size}, now ${current.length}); nothing was deleted. Plan the file again.` };
      }
      try {
        await client.deleteDomainUser(s.guid);
        return { ok: true, message: `Deleted with ${s.devices.length} device${s.devices.length === 1 ? "" : "s"}.` };
      } catch (err) {
        // Already gone is the outcome asked for.
        if (err instanceof VendorError && err.status === 404) return { ok: true, message: "Already deleted at TruU." };
        // Other failures fail (or, with no answer, leave in doubt) this row with TruU's words: see chunkFailure.
        throw err;
      }
    }));
  },
  check: async (ctx, r) => {
    const { live } = (await resolve(ctx.db, ctx.tenantId, [r]))(r);
    if (live.length !== 1) return null;
    try {
      await clientsFor.truu(ctx.connection).getDomainUser(live[0].vendorId);
      return false;
    } catch (err) {
      if (err instanceof VendorError && err.status === 404) return true;
      return null;
    }
  },
  // As the TruU console does: the user and their devices marked deleted, workstations dropping the devices.
  afterSuccess: async (db, tenantId, rows) => {
    const find = await resolve(db, tenantId, rows);
    const guids = rows.flatMap((r) => find(r).live.map((u) => u.vendorId));
    const devices = await devicesOf(db, tenantId, guids);
    await markDeletedInCache(db, tenantId, [...devices.values()].flat().map((d) => d.vendorId), guids);
  },
  audit: {
    action: "truu.user.deleted",
    target: (r, p) => {
      const s = shownOf(p);
      // As the delete-user action names them: the user, then each device deleted with them.
      return s
        ? [{ type: "truu_user", id: s.guid, label: s.upn || s.email || s.guid }, ...s.devices.map((d) => ({ type: "truu_device", id: d.vendorId, label: d.deviceName ?? d.vendorId }))]
        : { type: "truu_user", id: r.user };
    },
    // The delete-user action's shape: before { upn, email, displayName, devices }, after { deleted, devicesDeleted }.
    values: (_r, p, o) => {
      const s = shownOf(p);
      const before = s && { upn: s.upn, email: s.email, displayName: s.displayName, devices: s.devices };
      return { before, after: o.status === "succeeded" ? p.after : null };
    },
    irreversible: "TruU keeps no deleted user or device: the user enrols again.",
  },
});
