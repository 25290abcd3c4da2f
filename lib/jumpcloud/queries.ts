import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { pageWindow, type TableState } from "../table/params";

// Reads of the JumpCloud cache for the console's pages. Every query is
// scoped by tenant in its where clause and skips rows the vendor deleted.

export const USER_SORTS = ["email", "username", "name", "state", "created"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const USER_STATES = ["ACTIVATED", "SUSPENDED", "STAGED"] as const;
export const MFA_FILTERS = ["ENROLLED", "NOT_ENROLLED", "PENDING_ACTIVATION", "IN_ENROLLMENT", "ENROLLMENT_EXPIRED"] as const;
export const LOCK_FILTERS = ["locked", "unlocked"] as const;

const contains = (q: string) => ({ contains: q, mode: "insensitive" as const });

export interface UserRow {
  vendorId: string;
  email: string;
  username: string;
  displayname: string | null;
  state: string | null;
  accountLocked: boolean | null;
  mfaStatus: string | null;
  totpEnabled: boolean | null;
  passwordExpired: boolean | null;
}

export async function listUsers(db: Db, tenantId: string, state: TableState<UserSort>, f: { state?: string; lock?: (typeof LOCK_FILTERS)[number]; mfa?: string }) {
  const where: Prisma.JumpcloudUserWhereInput = {
    tenantId, deletedAt: null,
    ...(f.state ? { state: f.state } : {}),
    ...(f.lock ? { accountLocked: f.lock === "locked" } : {}),
    ...(f.mfa ? { mfaStatus: f.mfa } : {}),
    ...(state.q ? { OR: [{ email: contains(state.q) }, { username: contains(state.q) }, { displayname: contains(state.q) }, { firstname: contains(state.q) }, { lastname: contains(state.q) }] } : {}),
  };
  const dir = state.dir;
  const orderBy: Prisma.JumpcloudUserOrderByWithRelationInput[] = {
    email: [{ emailNorm: dir }],
    username: [{ username: dir }],
    name: [{ displayname: dir }],
    state: [{ state: dir }],
    created: [{ createdAtVendor: dir }],
  }[state.sort];
  const [rows, total] = await Promise.all([
    db.jumpcloudUser.findMany({
      where, orderBy: [...orderBy, { vendorId: "asc" }], ...pageWindow(state),
      select: { vendorId: true, email: true, username: true, displayname: true, state: true, accountLocked: true, mfaStatus: true, totpEnabled: true, passwordExpired: true },
    }),
    db.jumpcloudUser.count({ where }),
  ]);
  return { rows: rows as UserRow[], total };
}

export async function getUser(db: Db, tenantId: string, userId: string) {
  const user = await db.jumpcloudUser.findFirst({ where: { tenantId, vendorId: userId, deletedAt: null } });
  if (!user) return null;
  const [memberships, associations] = await Promise.all([
    db.vendorEdge.findMany({ where: { tenantId, vendor: "jumpcloud", kind: "user_group_member", toId: userId, deletedAt: null }, select: { fromId: true } }),
    db.vendorEdge.findMany({ where: { tenantId, vendor: "jumpcloud", kind: "association", fromId: `user:${userId}`, deletedAt: null }, select: { toId: true, attributes: true } }),
  ]);
  const groups = await namesOf(db, tenantId, "user_group", memberships.map((m) => m.fromId));
  const bound = await Promise.all(associations.map(async (a) => ({ ...splitNode(a.toId), attributes: a.attributes })));
  const names = await nodeNames(db, tenantId, bound);
  return {
    user,
    groups: memberships.map((m) => ({ id: m.fromId, name: groups.get(m.fromId) ?? m.fromId })).sort(byName),
    associations: bound.map((b) => ({ ...b, name: names.get(b.id) ?? b.id })).sort(byName),
  };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function splitNode(node: string) {
  const i = node.indexOf(":");
  return { type: node.slice(0, i), id: node.slice(i + 1) };
}

async function namesOf(db: Db, tenantId: string, kind: "user_group" | "system_group", ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.vendorObject.findMany({ where: { tenantId, vendor: "jumpcloud", kind, vendorId: { in: ids } }, select: { vendorId: true, name: true } });
  return new Map(rows.map((r) => [r.vendorId, r.name ?? r.vendorId]));
}

/** Display names of graph nodes of any of the four kinds. */
export async function nodeNames(db: Db, tenantId: string, nodes: { type: string; id: string }[]) {
  const ids = (t: string) => nodes.filter((n) => n.type === t).map((n) => n.id);
  const [users, systems, ug, sg] = await Promise.all([
    ids("user").length ? db.jumpcloudUser.findMany({ where: { tenantId, vendorId: { in: ids("user") } }, select: { vendorId: true, email: true, username: true } }) : [],
    ids("system").length ? db.jumpcloudSystem.findMany({ where: { tenantId, vendorId: { in: ids("system") } }, select: { vendorId: true, displayName: true, hostname: true } }) : [],
    namesOf(db, tenantId, "user_group", ids("user_group")),
    namesOf(db, tenantId, "system_group", ids("system_group")),
  ]);
  const out = new Map<string, string>([...ug, ...sg]);
  for (const u of users) out.set(u.vendorId, u.email || u.username);
  for (const s of systems) out.set(s.vendorId, s.displayName || s.hostname || s.vendorId);
  return out;
}

export const GROUP_SORTS = ["name", "members"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

export interface GroupRow {
  vendorId: string;
  name: string;
  description: string;
  members: number;
}

export async function listGroups(db: Db, tenantId: string, kind: "user_group" | "system_group", state: TableState<GroupSort>) {
  const where: Prisma.VendorObjectWhereInput = { tenantId, vendor: "jumpcloud", kind, deletedAt: null, ...(state.q ? { name: contains(state.q) } : {}) };
  const memberKind = kind === "user_group" ? "user_group_member" : "system_group_member";
  const all = await db.vendorObject.count({ where });
  // Member counts come from the edge table; sorting by them needs them for every group, so that sort is done here over ids and counts only.
  const counts = await db.vendorEdge.groupBy({ by: ["fromId"], where: { tenantId, vendor: "jumpcloud", kind: memberKind, deletedAt: null }, _count: { _all: true } });
  const count = new Map(counts.map((c) => [c.fromId, c._count._all]));
  const { skip, take } = pageWindow(state);
  let ids: string[];
  if (state.sort === "members") {
    const groups = await db.vendorObject.findMany({ where, select: { vendorId: true, name: true } });
    groups.sort((a, b) => ((count.get(a.vendorId) ?? 0) - (count.get(b.vendorId) ?? 0)) * (state.dir === "asc" ? 1 : -1) || (a.name ?? "").localeCompare(b.name ?? ""));
    ids = groups.slice(skip, skip + take).map((g) => g.vendorId);
  } else {
    ids = (await db.vendorObject.findMany({ where, orderBy: [{ name: state.dir }, { vendorId: "asc" }], skip, take, select: { vendorId: true } })).map((g) => g.vendorId);
  }
  const rows = await db.vendorObject.findMany({ where: { tenantId, vendor: "jumpcloud", kind, vendorId: { in: ids } }, select: { vendorId: true, name: true, raw: true } });
  const byId = new Map(rows.map((r) => [r.vendorId, r]));
  return {
    total: all,
    rows: ids.flatMap((id): GroupRow[] => {
      const r = byId.get(id);
      return r ? [{ vendorId: id, name: r.name ?? id, description: String((r.raw as { description?: unknown }).description ?? ""), members: count.get(id) ?? 0 }] : [];
    }),
  };
}

export async function getGroup(db: Db, tenantId: string, kind: "user_group" | "system_group", groupId: string) {
  const group = await db.vendorObject.findFirst({ where: { tenantId, vendor: "jumpcloud", kind, vendorId: groupId, deletedAt: null } });
  if (!group) return null;
  const memberKind = kind === "user_group" ? "user_group_member" : "system_group_member";
  const memberType = kind === "user_group" ? "user" : "system";
  const edges = await db.vendorEdge.findMany({ where: { tenantId, vendor: "jumpcloud", kind: memberKind, fromId: groupId, deletedAt: null }, select: { toId: true } });
  const names = await nodeNames(db, tenantId, edges.map((e) => ({ type: memberType, id: e.toId })));
  // Associations of a user group are read from its side; a system group's are the user groups' rows that point at it.
  const assoc = kind === "user_group"
    ? (await db.vendorEdge.findMany({ where: { tenantId, vendor: "jumpcloud", kind: "association", fromId: `user_group:${groupId}`, deletedAt: null }, select: { toId: true } })).map((a) => splitNode(a.toId))
    : (await db.vendorEdge.findMany({ where: { tenantId, vendor: "jumpcloud", kind: "association", toId: `system_group:${groupId}`, deletedAt: null }, select: { fromId: true } })).map((a) => splitNode(a.fromId));
  const assocNames = await nodeNames(db, tenantId, assoc);
  return {
    group: { vendorId: group.vendorId, name: group.name ?? group.vendorId, description: String((group.raw as { description?: unknown }).description ?? "") },
    members: edges.map((e) => ({ id: e.toId, type: memberType, name: names.get(e.toId) ?? e.toId })).sort(byName),
    associations: assoc.map((a) => ({ ...a, name: assocNames.get(a.id) ?? a.id })).sort(byName),
  };
}

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

export async function listSystems(db: Db, tenantId: string, state: TableState<SystemSort>, f: { active?: (typeof SYSTEM_ACTIVE)[number]; os?: string }) {
  const where: Prisma.JumpcloudSystemWhereInput = {
    tenantId, deletedAt: null,
    ...(f.active ? { active: f.active === "active" } : {}),
    ...(f.os ? { os: f.os } : {}),
    ...(state.q ? { OR: [{ displayName: contains(state.q) }, { hostname: contains(state.q) }, { serialNumber: contains(state.q) }] } : {}),
  };
  const dir = state.dir;
  const orderBy: Prisma.JumpcloudSystemOrderByWithRelationInput[] = {
    name: [{ displayName: dir }, { hostname: dir }],
    os: [{ os: dir }, { osVersion: dir }],
    lastContact: [{ lastContact: { sort: dir, nulls: "last" as const } }],
  }[state.sort];
  const [rows, total] = await Promise.all([
    db.jumpcloudSystem.findMany({
      where, orderBy: [...orderBy, { vendorId: "asc" }], ...pageWindow(state),
      select: { vendorId: true, displayName: true, hostname: true, os: true, osVersion: true, serialNumber: true, active: true, lastContact: true },
    }),
    db.jumpcloudSystem.count({ where }),
  ]);
  return { rows: rows as SystemRow[], total };
}

export async function systemOsList(db: Db, tenantId: string) {
  const rows = await db.jumpcloudSystem.findMany({ where: { tenantId, deletedAt: null, os: { not: null } }, distinct: ["os"], select: { os: true }, orderBy: { os: "asc" } });
  return rows.map((r) => r.os!).filter(Boolean);
}

export async function getSystem(db: Db, tenantId: string, systemId: string) {
  const system = await db.jumpcloudSystem.findFirst({ where: { tenantId, vendorId: systemId, deletedAt: null } });
  if (!system) return null;
  const [memberships, associations] = await Promise.all([
    db.vendorEdge.findMany({ where: { tenantId, vendor: "jumpcloud", kind: "system_group_member", toId: systemId, deletedAt: null }, select: { fromId: true } }),
    db.vendorEdge.findMany({ where: { tenantId, vendor: "jumpcloud", kind: "association", toId: `system:${systemId}`, deletedAt: null }, select: { fromId: true } }),
  ]);
  const groups = await namesOf(db, tenantId, "system_group", memberships.map((m) => m.fromId));
  const from = associations.map((a) => splitNode(a.fromId));
  const names = await nodeNames(db, tenantId, from);
  return {
    system,
    groups: memberships.map((m) => ({ id: m.fromId, name: groups.get(m.fromId) ?? m.fromId })).sort(byName),
    associations: from.map((f) => ({ ...f, name: names.get(f.id) ?? f.id })).sort(byName),
  };
}

export const PAIRS = ["user-system", "usergroup-systemgroup", "user-systemgroup", "usergroup-system"] as const;
export type Pair = (typeof PAIRS)[number];
export const PAIR_TYPES: Record<Pair, { from: "user" | "user_group"; to: "system" | "system_group"; label: string }> = {
  "user-system": { from: "user", to: "system", label: "User ↔ system" },
  "usergroup-systemgroup": { from: "user_group", to: "system_group", label: "User group ↔ system group" },
  "user-systemgroup": { from: "user", to: "system_group", label: "User ↔ system group" },
  "usergroup-system": { from: "user_group", to: "system", label: "User group ↔ system" },
};

export interface AssociationRow {
  key: string;
  fromType: string;
  fromId: string;
  fromName: string;
  toType: string;
  toId: string;
  toName: string;
  sudo: boolean;
}

export async function listAssociations(db: Db, tenantId: string, pair: Pair, state: TableState<"from">) {
  const { from, to } = PAIR_TYPES[pair];
  const where: Prisma.VendorEdgeWhereInput = { tenantId, vendor: "jumpcloud", kind: "association", deletedAt: null, fromId: { startsWith: `${from}:` }, toId: { startsWith: `${to}:` } };
  if (state.q) {
    // Search by either side's name: resolve matching ids from the cache first.
    const ids = await matchingIds(db, tenantId, [from, to], state.q);
    where.OR = [{ fromId: { in: ids.map((i) => `${from}:${i}`) } }, { toId: { in: ids.map((i) => `${to}:${i}`) } }];
  }
  const [edges, total] = await Promise.all([
    db.vendorEdge.findMany({ where, orderBy: [{ fromId: state.dir }, { toId: "asc" }], ...pageWindow(state), select: { fromId: true, toId: true, attributes: true } }),
    db.vendorEdge.count({ where }),
  ]);
  const nodes = edges.flatMap((e) => [splitNode(e.fromId), splitNode(e.toId)]);
  const names = await nodeNames(db, tenantId, nodes);
  const rows: AssociationRow[] = edges.map((e) => {
    const f = splitNode(e.fromId);
    const t = splitNode(e.toId);
    const sudo = Boolean((e.attributes as { sudo?: { enabled?: boolean } } | null)?.sudo?.enabled);
    return { key: `${e.fromId}|${e.toId}`, fromType: f.type, fromId: f.id, fromName: names.get(f.id) ?? f.id, toType: t.type, toId: t.id, toName: names.get(t.id) ?? t.id, sudo };
  });
  return { rows, total };
}

async function matchingIds(db: Db, tenantId: string, types: string[], q: string): Promise<string[]> {
  const out: string[] = [];
  for (const t of types) out.push(...(await lookup(db, tenantId, t as LookupKind, q, 500)).map((r) => r.id));
  return out;
}

export type LookupKind = "user" | "system" | "user_group" | "system_group";

/** Objects whose name, email or hostname contains q: for the pickers of the add forms. */
export async function lookup(db: Db, tenantId: string, kind: LookupKind, q: string, take = 20): Promise<{ id: string; label: string; detail: string }[]> {
  if (kind === "user") {
    const rows = await db.jumpcloudUser.findMany({
      where: { tenantId, deletedAt: null, ...(q ? { OR: [{ email: contains(q) }, { username: contains(q) }, { displayname: contains(q) }] } : {}) },
      orderBy: { emailNorm: "asc" }, take, select: { vendorId: true, email: true, username: true, displayname: true },
    });
    return rows.map((r) => ({ id: r.vendorId, label: r.email || r.username, detail: r.displayname ?? r.username }));
  }
  if (kind === "system") {
    const rows = await db.jumpcloudSystem.findMany({
      where: { tenantId, deletedAt: null, ...(q ? { OR: [{ displayName: contains(q) }, { hostname: contains(q) }, { serialNumber: contains(q) }] } : {}) },
      orderBy: { displayName: "asc" }, take, select: { vendorId: true, displayName: true, hostname: true, os: true },
    });
    return rows.map((r) => ({ id: r.vendorId, label: r.displayName || r.hostname || r.vendorId, detail: r.os ?? "" }));
  }
  const rows = await db.vendorObject.findMany({
    where: { tenantId, vendor: "jumpcloud", kind, deletedAt: null, ...(q ? { name: contains(q) } : {}) },
    orderBy: { name: "asc" }, take, select: { vendorId: true, name: true },
  });
  return rows.map((r) => ({ id: r.vendorId, label: r.name ?? r.vendorId, detail: "" }));
}

export async function overviewCounts(db: Db, tenantId: string) {
  const [users, locked, suspended, systems, userGroups, systemGroups, associations] = await Promise.all([
    db.jumpcloudUser.count({ where: { tenantId, deletedAt: null } }),
    db.jumpcloudUser.count({ where: { tenantId, deletedAt: null, accountLocked: true } }),
    db.jumpcloudUser.count({ where: { tenantId, deletedAt: null, state: "SUSPENDED" } }),
    db.jumpcloudSystem.count({ where: { tenantId, deletedAt: null } }),
    db.vendorObject.count({ where: { tenantId, vendor: "jumpcloud", kind: "user_group", deletedAt: null } }),
    db.vendorObject.count({ where: { tenantId, vendor: "jumpcloud", kind: "system_group", deletedAt: null } }),
    db.vendorEdge.count({ where: { tenantId, vendor: "jumpcloud", kind: "association", deletedAt: null } }),
  ]);
  return { users, locked, suspended, systems, userGroups, systemGroups, associations };
}
