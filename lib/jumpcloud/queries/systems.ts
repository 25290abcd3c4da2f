import "server-only";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { pageWindow, type TableState } from "../../table/params";
import { byName, contains, namesOf, nodeNames, splitNode } from "./names";

export const SYSTEM_SORTS = ["name", "os", "lastContact"] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];
export const SYSTEM_ACTIVE = ["active", "inactive"] as const;

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
