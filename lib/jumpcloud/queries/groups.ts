import "server-only";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { pageWindow, type TableState, tableSearch } from "../../table/params";
import { byName, contains, nodeNames, splitNode } from "./names";

export const GROUP_SORTS = ["name", "members"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

/** The user and system groups tables' URL: sort and search only (the pages and their exports read the same). */
export const JumpcloudGroupSearch = tableSearch({ sortable: GROUP_SORTS, sort: "name" });

// The group id is JumpCloud's own: what its admin console and API take to find the group.
export const JUMPCLOUD_GROUP_CSV_HEADER = ["name", "description", "members", "jumpcloudId"] as const;

/** A groups page as the export's columns. */
export const jumpcloudGroupCells = (r: GroupRow) => [r.name, r.description, r.members, r.vendorId];

export interface GroupRow {
  vendorId: string;
  name: string;
  description: string;
  members: number;
}

export async function listGroups(
  db: Db,
  tenantId: string,
  kind: "user_group" | "system_group",
  state: TableState<GroupSort>,
) {
  const where: Prisma.VendorObjectWhereInput = {
    tenantId,
    vendor: "jumpcloud",
    kind,
    deletedAt: null,
    ...(state.q ? { name: contains(state.q) } : {}),
  };
  const memberKind = kind === "user_group" ? "user_group_member" : "system_group_member";
  const all = await db.vendorObject.count({ where });
  // Member counts come from the edge table; sorting by them needs them for every group,
  // so that sort is done here over ids and counts only.
  const counts = await db.vendorEdge.groupBy({
    by: ["fromId"],
    where: { tenantId, vendor: "jumpcloud", kind: memberKind, deletedAt: null },
    _count: { _all: true },
  });
  const count = new Map(counts.map((c) => [c.fromId, c._count._all]));
  const { skip, take } = pageWindow(state);
  let ids: string[];
  if (state.sort === "members") {
    const groups = await db.vendorObject.findMany({ where, select: { vendorId: true, name: true } });
    groups.sort(
      (a, b) =>
        ((count.get(a.vendorId) ?? 0) - (count.get(b.vendorId) ?? 0)) * (state.dir === "asc" ? 1 : -1) ||
        (a.name ?? "").localeCompare(b.name ?? ""),
    );
    ids = groups.slice(skip, skip + take).map((g) => g.vendorId);
  } else {
    ids = (
      await db.vendorObject.findMany({
        where,
        orderBy: [{ name: state.dir }, { vendorId: "asc" }],
        skip,
        take,
        select: { vendorId: true },
      })
    ).map((g) => g.vendorId);
  }
  const rows = await db.vendorObject.findMany({
    where: { tenantId, vendor: "jumpcloud", kind, vendorId: { in: ids } },
    select: { vendorId: true, name: true, raw: true },
  });
  const byId = new Map(rows.map((r) => [r.vendorId, r]));
  return {
    total: all,
    rows: ids.flatMap((id): GroupRow[] => {
      const r = byId.get(id);
      return r
        ? [
            {
              vendorId: id,
              name: r.name ?? id,
              description: String((r.raw as { description?: unknown }).description ?? ""),
              members: count.get(id) ?? 0,
            },
          ]
        : [];
    }),
  };
}

export async function getGroup(db: Db, tenantId: string, kind: "user_group" | "system_group", groupId: string) {
  const group = await db.vendorObject.findFirst({
    where: { tenantId, vendor: "jumpcloud", kind, vendorId: groupId, deletedAt: null },
  });
  if (!group) return null;
  const memberKind = kind === "user_group" ? "user_group_member" : "system_group_member";
  const memberType = kind === "user_group" ? "user" : "system";
  const edges = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "jumpcloud", kind: memberKind, fromId: groupId, deletedAt: null },
    select: { toId: true },
  });
  const names = await nodeNames(
    db,
    tenantId,
    edges.map((e) => ({ type: memberType, id: e.toId })),
  );
  // Associations of a user group are read from its side; a system group's are the user groups' rows that point at it.
  const assoc =
    kind === "user_group"
      ? (
          await db.vendorEdge.findMany({
            where: {
              tenantId,
              vendor: "jumpcloud",
              kind: "association",
              fromId: `user_group:${groupId}`,
              deletedAt: null,
            },
            select: { toId: true },
          })
        ).map((a) => splitNode(a.toId))
      : (
          await db.vendorEdge.findMany({
            where: {
              tenantId,
              vendor: "jumpcloud",
              kind: "association",
              toId: `system_group:${groupId}`,
              deletedAt: null,
            },
            select: { fromId: true },
          })
        ).map((a) => splitNode(a.fromId));
  const assocNames = await nodeNames(db, tenantId, assoc);
  return {
    group: {
      vendorId: group.vendorId,
      name: group.name ?? group.vendorId,
      description: String((group.raw as { description?: unknown }).description ?? ""),
    },
    members: edges.map((e) => ({ id: e.toId, type: memberType, name: names.get(e.toId) ?? e.toId })).sort(byName),
    associations: assoc.map((a) => ({ ...a, name: assocNames.get(a.id) ?? a.id })).sort(byName),
  };
}
