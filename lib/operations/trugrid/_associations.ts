import { normEmail } from "../../sync/target";
import type { AssociationItem } from "../../trugrid/association-audit";
import type { CacheContext } from "../operation";

/** The machine a (user, machine group) slot held in the cache; null: none. */
export type Slot = { groupName: string; machineName: string | null };

const lc = (s: string) => s.toLowerCase();
const slotKey = (user: string, group: string) => `${normEmail(user)}|${lc(group)}`;
const machineOf = (attributes: unknown) => (attributes as { machineName?: string } | null)?.machineName ?? null;

/** The cache's live machine associations of a tenant, to narrow further. */
export const associationsOf = (tenantId: string) =>
  ({ tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null }) as const;

/** The machine each item's (user, group) slot holds in the cache before the change. */
export async function cachedSlots(ctx: CacheContext, items: AssociationItem[]): Promise<Slot[]> {
  const rows = await ctx.db.vendorEdge.findMany({
    where: { ...associationsOf(ctx.tenantId), fromId: { in: items.map((i) => i.userUpn), mode: "insensitive" } },
    select: { fromId: true, toId: true, attributes: true },
  });
  const by = new Map(rows.map((r) => [slotKey(r.fromId, r.toId), machineOf(r.attributes)]));
  return items.map((i) => ({ groupName: i.groupName, machineName: by.get(slotKey(i.userUpn, i.groupName)) ?? null }));
}

/** The spelling the sync stored for known users and groups (TruGrid's), so cache rows keep the id it reads back. */
export async function canonicalSpelling(ctx: CacheContext, items: AssociationItem[]): Promise<AssociationItem[]> {
  const { db, tenantId } = ctx;
  const [users, groups] = await Promise.all([
    db.trugridUser.findMany({
      where: { tenantId, deletedAt: null, emailNorm: { in: items.map((i) => normEmail(i.userUpn)) } },
      select: { upn: true },
    }),
    db.vendorEdge.findMany({
      where: {
        tenantId,
        vendor: "trugrid",
        kind: "machine_association",
        deletedAt: null,
        OR: items.map((i) => ({ toId: { equals: i.groupName, mode: "insensitive" as const } })),
      },
      distinct: ["toId"],
      select: { toId: true },
    }),
  ]);
  const upn = new Map(users.map((u) => [lc(u.upn), u.upn]));
  const group = new Map(groups.map((g) => [lc(g.toId), g.toId]));
  return items.map((i) => ({
    ...i,
    userUpn: upn.get(lc(i.userUpn)) ?? i.userUpn,
    groupName: group.get(lc(i.groupName)) ?? i.groupName,
  }));
}

/**
 * A sheet's user, group and machine must be known from the last sync
 * (TruGrid has no call that lists groups or machines: they are known from
 * the cached associations); a known row comes with its slot's machine.
 */
export async function knownAssociationParts(
  ctx: CacheContext,
  rows: AssociationItem[],
): Promise<({ slot: Slot } | { refused: string })[]> {
  const { db, tenantId } = ctx;
  const [users, edges] = await Promise.all([
    db.trugridUser.findMany({
      where: { tenantId, deletedAt: null, emailNorm: { in: rows.map((r) => normEmail(r.userUpn)) } },
      select: { emailNorm: true },
    }),
    db.vendorEdge.findMany({
      where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null },
      select: { fromId: true, toId: true, attributes: true },
    }),
  ]);
  const knownUsers = new Set(users.map((u) => u.emailNorm));
  const machinesByGroup = new Map<string, Set<string>>();
  const current = new Map<string, string | null>();
  for (const e of edges) {
    const m = machineOf(e.attributes);
    const machines = machinesByGroup.get(lc(e.toId)) ?? new Set<string>();
    machinesByGroup.set(lc(e.toId), machines);
    if (m) machines.add(lc(m));
    current.set(slotKey(e.fromId, e.toId), m);
  }
  return rows.map((r) => {
    if (!knownUsers.has(normEmail(r.userUpn))) {
      return { refused: `Unknown UPN: ${r.userUpn} is not a TruGrid user of this domain (as of the last sync).` };
    }
    const machines = machinesByGroup.get(lc(r.groupName));
    if (!machines) return { refused: `Unknown machine group: ${r.groupName} (no association of it in the last sync).` };
    if (!machines.has(lc(r.machineName))) {
      return { refused: `Unknown machine: ${r.machineName} is not a machine of ${r.groupName} (as of the last sync).` };
    }
    return { slot: { groupName: r.groupName, machineName: current.get(slotKey(r.userUpn, r.groupName)) ?? null } };
  });
}
