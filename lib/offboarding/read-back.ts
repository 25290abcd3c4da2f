import type { Db } from "../db/client";
import { nodeNames } from "../jumpcloud/queries/names";
import { recordedAssignments } from "../operations/trugrid/_assignments";
import { VendorError } from "../vendors/core/vendor-error";
import type { JumpCloudClient } from "../vendors/jumpcloud/client";
import { allPages } from "../vendors/jumpcloud/paging";
import type { TruGridClient } from "../vendors/trugrid/client";
import type { TruuClient } from "../vendors/truu/client";
import type { TwingateClient } from "../vendors/twingate/client";

// What one vendor still grants a person, read at the vendor itself (never the
// cache: the point is to see what the steps left). Each reader searches the
// vendor by every address of the person, so an account made since the last
// sync is found too, and names what it read, what remains and why.

/** One access path still open, and why the runbook left it (absent: it should be gone; look at the step). */
export interface Remaining {
  what: string;
  why?: string;
}

export interface ReadBack {
  /** What was read, in words ("JumpCloud user, its groups and systems"). */
  read: string;
  remains: Remaining[];
  /** Known limits of the read itself: what the vendor cannot be asked. */
  notes: string[];
}

export interface ReadContext {
  db: Db;
  tenantId: string;
  addresses: string[];
}

const unique = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((t) => [key(t), t])).values()];

/** The JumpCloud users with these addresses: suspended, in no user group, reaching no system. */
export async function jumpcloudReadBack(ctx: ReadContext, c: JumpCloudClient): Promise<ReadBack> {
  const found = await Promise.all(ctx.addresses.map((a) => c.findUserByEmail(a)));
  const users = unique(
    found.flatMap((u) => (u ? [u] : [])),
    (u) => u._id,
  );
  const read = "JumpCloud users by email, their user groups and the systems they reach";
  if (!users.length) return { read, remains: [], notes: ["No JumpCloud user has this person's addresses."] };
  const remains: Remaining[] = [];
  for (const u of users) {
    const name = u.email || u.username || u._id;
    if (u.state !== "SUSPENDED") remains.push({ what: `JumpCloud user ${name} is ${u.state ?? "not suspended"}.` });
    const [groups, systems] = await Promise.all([
      allPages((skip, limit) => c.userMemberOf(u._id, { skip, limit }), { concurrency: 2 }),
      allPages((skip, limit) => c.userSystems(u._id, { skip, limit }), { concurrency: 2 }),
    ]);
    const userGroups = groups.filter((g) => g.type === "user_group");
    // Named as the JumpCloud pages name them: the groups, the systems, and the groups systems are reached through.
    const names = await nodeNames(ctx.db, ctx.tenantId, [
      ...userGroups,
      ...systems,
      ...systems.flatMap((s) => s.paths.flatMap((p) => p.map((h) => h.to))),
    ]);
    for (const g of userGroups) {
      const direct = g.paths.some((p) => p.length === 1);
      remains.push({
        what: `${name} is in the JumpCloud user group ${names.get(g.id) ?? g.id}.`,
        ...(direct ? {} : { why: "Through a nested group: remove the parent group's membership." }),
      });
    }
    for (const s of systems) {
      const via = s.paths.find((p) => p.length > 1)?.[0]?.to.id;
      remains.push({
        what: `${name} is bound to the system ${names.get(s.id) ?? s.id}.`,
        ...(via && !s.paths.some((p) => p.length === 1)
          ? { why: `Through the group ${names.get(via) ?? via}, which other people keep.` }
          : {}),
      });
    }
  }
  return { read, remains, notes: [] };
}

/**
 * Active service keys whose name, or whose service account's name, mentions the person (an address, or its local part
 * as words: "aaron.tanaka", "Aaron Tanaka"). Twingate records no owner of a key, so a key someone made for their own
 * script is found by name only, from the last sync: flagged for a person to judge, never revoked by the runbook.
 */
export async function keysNaming(ctx: ReadContext): Promise<Remaining[]> {
  const words = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  const marks = ctx.addresses.flatMap((a) => [words(a), words(a.split("@")[0] ?? "")]).filter((m) => m.length >= 5);
  if (!marks.length) return [];
  const objects = await ctx.db.vendorObject.findMany({
    where: { tenantId: ctx.tenantId, vendor: "twingate", kind: { in: ["service_account", "service_account_key"] } },
    select: { vendorId: true, kind: true, name: true, attributes: true, deletedAt: true },
  });
  const accounts = new Map(objects.filter((o) => o.kind === "service_account").map((o) => [o.vendorId, o.name ?? ""]));
  const mentions = (name: string) => marks.some((m) => ` ${words(name)} `.includes(` ${m} `));
  return objects.flatMap((k) => {
    const a = (k.attributes ?? {}) as { status?: string; serviceAccountId?: string };
    if (k.kind !== "service_account_key" || k.deletedAt || a.status !== "ACTIVE") return [];
    const account = accounts.get(a.serviceAccountId ?? "") ?? "";
    if (!mentions(k.name ?? "") && !mentions(account)) return [];
    return [
      {
        what: `The service key ${k.name} of ${account || "a service account"} is active and its name mentions them.`,
        why: "Twingate records no owner of a service key: if it was theirs, revoke it on the service accounts page.",
      },
    ];
  });
}

/** The Twingate users with these addresses: disabled, in no group but Everyone, their known devices blocked. */
export async function twingateReadBack(ctx: ReadContext, c: TwingateClient): Promise<ReadBack> {
  const listed = await c.users({ email: { in: ctx.addresses } });
  const read =
    "Twingate users by email, their groups, their devices as of the last sync, and service keys named after them";
  const flagged = await keysNaming(ctx);
  if (!listed.length) return { read, remains: flagged, notes: ["No Twingate user has this person's addresses."] };
  const remains: Remaining[] = [...flagged];
  const notes = ["Twingate lists devices by user only in a full device list: the devices the last sync saw are read."];
  for (const listedUser of listed) {
    const u = await c.user(listedUser.id);
    if (!u) continue;
    const name = u.email ?? u.id;
    if (u.state !== "DISABLED") remains.push({ what: `Twingate user ${name} is ${u.state}.` });
    for (const { node: g } of u.groups.edges) {
      // Everyone holds every user and cannot be edited: a disabled user reaches nothing through it.
      if (g.type === "SYSTEM") continue;
      remains.push({
        what: `${name} is in the Twingate group ${g.name}.`,
        ...(g.type === "SYNCED" ? { why: "Synced from the identity provider: remove them there too." } : {}),
      });
    }
    if (u.groups.pageInfo.hasNextPage) remains.push({ what: `${name} is in more than 100 Twingate groups.` });
    const known = await ctx.db.twingateDevice.findMany({
      where: { tenantId: ctx.tenantId, userVendorId: u.id, deletedAt: null },
      select: { vendorId: true, name: true },
    });
    for (const d of known) {
      const device = await c.device(d.vendorId);
      if (device?.activeState === "ACTIVE")
        remains.push({ what: `${name}'s device ${device.name ?? d.name} is active.` });
      if (device?.activeState === "ARCHIVED") {
        remains.push({
          what: `${name}'s device ${device.name ?? d.name} is archived, not blocked.`,
          why: "An archived device returns by itself the next time it connects.",
        });
      }
    }
  }
  return { read, remains, notes };
}

/** TruGrid machine associations of these addresses, and the resource assignments this console made to them. */
export async function trugridReadBack(ctx: ReadContext, c: TruGridClient): Promise<ReadBack> {
  // TruGrid answers 400 "User '…' not found in domain" for an address that is not one of its users.
  const of = (upn: string) =>
    c.getMachineAssociations({ userUpn: upn }).catch((err) => {
      if (err instanceof VendorError && err.status === 400 && /not found/i.test(err.info.vendorMessage)) return [];
      throw err;
    });
  const associations = (await Promise.all(ctx.addresses.map(of))).flat();
  const remains: Remaining[] = associations.map((a) => ({
    what: `${a.userUpn} is associated with ${a.machineName} in ${a.groupName}.`,
  }));
  for (const pair of (await recordedAssignments(ctx.db, ctx.tenantId, ctx.addresses)).keys()) {
    const [key, target] = pair.split("|");
    remains.push({
      what: `${key} was assigned ${target} by this console.`,
      why: "TruGrid has no call that lists or removes resource assignments: remove it in the TruGrid portal.",
    });
  }
  return {
    read: "TruGrid machine associations by user",
    remains,
    notes: ["TruGrid has no read of a user's MFA: the step's own result is what is known."],
  };
}

/** TruU users with these addresses and their enrolled devices. */
export async function truuReadBack(ctx: ReadContext, c: TruuClient): Promise<ReadBack> {
  // TruU ANDs the fields of a filter: by UPN and by email are two reads.
  const [byUpn, byEmail] = await Promise.all([
    c.allDataUsers({ userPrincipals: ctx.addresses }),
    c.allDataUsers({ emails: ctx.addresses }),
  ]);
  const users = unique([...byUpn, ...byEmail], (u) => u.guid);
  const read = "TruU users by UPN or email and their devices";
  if (!users.length) return { read, remains: [], notes: ["No TruU user has this person's addresses."] };
  const remains = users.flatMap((u) =>
    u.devices.map((d) => ({
      what: `${u.userPrincipal ?? u.email ?? u.guid}'s device ${d.deviceName ?? d.deviceId} is enrolled.`,
    })),
  );
  return { read, remains, notes: [] };
}
