import "server-only";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { urlEnum, urlText } from "../../params/fields";
import { yesNo } from "../../table/csv";
import { pageWindow, type TableState, tableSearch } from "../../table/params";
import { byName, contains, namesOf, nodeNames, splitNode } from "./names";

export const SYSTEM_SORTS = ["name", "os", "lastContact"] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];
export const SYSTEM_ACTIVE = ["active", "inactive"] as const;

/**
 * The JumpCloud systems table's URL (the page and its export read the same). `os` is one of the tenant's own OS
 * names: systemFilter drops any other.
 */
export const JumpcloudSystemSearch = tableSearch({ sortable: SYSTEM_SORTS, sort: "name" }).extend({
  active: urlEnum(SYSTEM_ACTIVE).optional(),
  os: urlText(200).optional(),
});

/** The table's filters from its URL, an OS none of the tenant's systems runs ignored (the OS list offers none). */
export function systemFilter(
  search: { active?: (typeof SYSTEM_ACTIVE)[number]; os?: string },
  osList: readonly string[],
) {
  return { active: search.active, os: search.os && osList.includes(search.os) ? search.os : undefined };
}

// The system id is JumpCloud's own: what its admin console, API and commands take to find the device.
export const JUMPCLOUD_SYSTEM_CSV_HEADER = [
  "displayName",
  "hostname",
  "os",
  "osVersion",
  "serialNumber",
  "agentActive",
  "lastContact",
  "jumpcloudId",
] as const;

/** A systems page as the export's columns. */
export const jumpcloudSystemCells = (r: SystemRow) => [
  r.displayName,
  r.hostname,
  r.os,
  r.osVersion,
  r.serialNumber,
  yesNo(r.active),
  r.lastContact,
  r.vendorId,
];

export interface SystemRow {
  vendorId: string;
  displayName: string | null;
  hostname: string | null;
  os: string | null;
  osVersion: string | null;
  serialNumber: string | null;
  active: boolean | null;
  lastContact: Date | null;
}

export async function listSystems(
  db: Db,
  tenantId: string,
  state: TableState<SystemSort>,
  f: { active?: (typeof SYSTEM_ACTIVE)[number]; os?: string },
) {
  const where: Prisma.JumpcloudSystemWhereInput = {
    tenantId,
    deletedAt: null,
    ...(f.active ? { active: f.active === "active" } : {}),
    ...(f.os ? { os: f.os } : {}),
    ...(state.q
      ? {
          OR: [
            { displayName: contains(state.q) },
            { hostname: contains(state.q) },
            { serialNumber: contains(state.q) },
          ],
        }
      : {}),
  };
  const dir = state.dir;
  const orderBy: Prisma.JumpcloudSystemOrderByWithRelationInput[] = {
    name: [{ displayName: dir }, { hostname: dir }],
    os: [{ os: dir }, { osVersion: dir }],
    lastContact: [{ lastContact: { sort: dir, nulls: "last" as const } }],
  }[state.sort];
  const [rows, total] = await Promise.all([
    db.jumpcloudSystem.findMany({
      where,
      orderBy: [...orderBy, { vendorId: "asc" }],
      ...pageWindow(state),
      select: {
        vendorId: true,
        displayName: true,
        hostname: true,
        os: true,
        osVersion: true,
        serialNumber: true,
        active: true,
        lastContact: true,
      },
    }),
    db.jumpcloudSystem.count({ where }),
  ]);
  return { rows: rows as SystemRow[], total };
}

export async function systemOsList(db: Db, tenantId: string) {
  const rows = await db.jumpcloudSystem.findMany({
    where: { tenantId, deletedAt: null, os: { not: null } },
    distinct: ["os"],
    select: { os: true },
    orderBy: { os: "asc" },
  });
  return rows.map((r) => r.os!).filter(Boolean);
}

export async function getSystem(db: Db, tenantId: string, systemId: string) {
  const system = await db.jumpcloudSystem.findFirst({ where: { tenantId, vendorId: systemId, deletedAt: null } });
  if (!system) return null;
  const [memberships, associations] = await Promise.all([
    db.vendorEdge.findMany({
      where: { tenantId, vendor: "jumpcloud", kind: "system_group_member", toId: systemId, deletedAt: null },
      select: { fromId: true },
    }),
    db.vendorEdge.findMany({
      where: { tenantId, vendor: "jumpcloud", kind: "association", toId: `system:${systemId}`, deletedAt: null },
      select: { fromId: true },
    }),
  ]);
  const groups = await namesOf(
    db,
    tenantId,
    "system_group",
    memberships.map((m) => m.fromId),
  );
  const from = associations.map((a) => splitNode(a.fromId));
  const names = await nodeNames(db, tenantId, from);
  return {
    system,
    groups: memberships.map((m) => ({ id: m.fromId, name: groups.get(m.fromId) ?? m.fromId })).sort(byName),
    associations: from.map((f) => ({ ...f, name: names.get(f.id) ?? f.id })).sort(byName),
  };
}
