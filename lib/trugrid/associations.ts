import type { Db } from "../db/client";

// TruGrid has no list of machine groups or machines: what the console knows
// of them is what association reads returned (the sync, or a reload here).
// A group counts as shared when a machine in it holds several users, which
// TruGrid allows only in groups that contain a server.

export interface GroupSummary {
  name: string;
  users: number;
  machines: number;
  /** true: a machine here has several users, so the group contains a server. null: nothing says so. */
  shared: boolean | null;
}

export interface AssociationRow {
  userUpn: string;
  groupName: string;
  machineName: string;
  syncedAt: Date;
}

const live = (tenantId: string) => ({
  tenantId,
  vendor: "trugrid" as const,
  kind: "machine_association",
  deletedAt: null,
});

function toRow(e: { fromId: string; toId: string; attributes: unknown; syncedAt: Date }): AssociationRow {
  const a = (e.attributes ?? {}) as { groupName?: string; machineName?: string };
  return {
    userUpn: e.fromId,
    groupName: a.groupName ?? e.toId,
    machineName: a.machineName ?? "",
    syncedAt: e.syncedAt,
  };
}

export async function machineGroups(db: Db, tenantId: string): Promise<GroupSummary[]> {
  const rows = await db.$queryRaw<{ name: string; users: number; machines: number; maxPerMachine: number }[]>`
    SELECT g.name, sum(g.n)::int AS users, count(*)::int AS machines, max(g.n)::int AS "maxPerMachine"
    FROM (SELECT e."toId" AS name, e.attributes->>'machineName' AS machine, count(*) AS n
          FROM "VendorEdge" e
          WHERE e."tenantId" = ${tenantId} AND e.vendor = 'trugrid'
            AND e.kind = 'machine_association' AND e."deletedAt" IS NULL
          GROUP BY 1, 2) g
    GROUP BY g.name ORDER BY lower(g.name)`;
  return rows.map((r) => ({
    name: r.name,
    users: r.users,
    machines: r.machines,
    shared: r.maxPerMachine > 1 ? true : null,
  }));
}

export async function associationsOfGroup(db: Db, tenantId: string, groupName: string): Promise<AssociationRow[]> {
  const rows = await db.vendorEdge.findMany({
    where: { ...live(tenantId), toId: { equals: groupName, mode: "insensitive" } },
    select: { fromId: true, toId: true, attributes: true, syncedAt: true },
  });
  return rows
    .map(toRow)
    .sort((a, b) => a.machineName.localeCompare(b.machineName) || a.userUpn.localeCompare(b.userUpn));
}

export async function associationsOfUser(db: Db, tenantId: string, upn: string): Promise<AssociationRow[]> {
  const rows = await db.vendorEdge.findMany({
    where: { ...live(tenantId), fromId: { equals: upn, mode: "insensitive" } },
    select: { fromId: true, toId: true, attributes: true, syncedAt: true },
  });
  return rows.map(toRow).sort((a, b) => a.groupName.localeCompare(b.groupName));
}

/**
 * Machines seen in each group, with who holds them: the picker's choices.
 * Capped, so that a page for a very large domain stays small; past the cap
 * a machine can still be typed by name and TruGrid checks it.
 */
export async function machinesByGroup(
  db: Db,
  tenantId: string,
  groupNames: string[],
  limit = 5_000,
): Promise<Record<string, { machine: string; users: string[] }[]>> {
  if (groupNames.length === 0) return {};
  const rows = await db.vendorEdge.findMany({
    take: limit,
    where: { ...live(tenantId), OR: groupNames.map((g) => ({ toId: { equals: g, mode: "insensitive" as const } })) },
    select: { fromId: true, toId: true, attributes: true, syncedAt: true },
  });
  const out: Record<string, Map<string, string[]>> = {};
  for (const r of rows.map(toRow)) {
    let g = out[r.groupName];
    if (g == null) {
      g = new Map<string, string[]>();
      out[r.groupName] = g;
    }
    g.set(r.machineName, [...(g.get(r.machineName) ?? []), r.userUpn]);
  }
  return Object.fromEntries(
    Object.entries(out).map(([g, m]) => [
      g,
      [...m].map(([machine, users]) => ({ machine, users })).sort((a, b) => a.machine.localeCompare(b.machine)),
    ]),
  );
}

/** A few UPNs for the user field's suggestions. */
export async function userSuggestions(db: Db, tenantId: string, limit = 500): Promise<string[]> {
  const rows = await db.trugridUser.findMany({
    where: { tenantId, deletedAt: null },
    orderBy: { emailNorm: "asc" },
    take: limit,
    select: { upn: true },
  });
  return rows.map((r) => r.upn);
}
