import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { urlEnum, urlId } from "../params/fields";
import type { AccessGrant } from "../sync/twingate/documents";
import { yesNo } from "../table/csv";
import { pageWindow, type TableState, tableSearch } from "../table/params";
import { DEVICE_STATES, TWINGATE_ROLES, type TwingateRole, USER_STATES } from "./constants";

// Pages read the cache (what the last sync and the console's own changes wrote), never the vendor.

const live = { deletedAt: null } as const;
const contains = (q: string) => ({ contains: q, mode: "insensitive" as const });
const order = (dir: "asc" | "desc") => dir;

export const USER_SORTS = ["email", "name", "state", "role", "created"] as const;

/** The Twingate users table's URL: its sort, search and filters (the page and its export read the same). */
export const TwingateUserSearch = tableSearch({ sortable: USER_SORTS, sort: "email" }).extend({
  state: urlEnum(USER_STATES).optional(),
  role: urlEnum(TWINGATE_ROLES).optional(),
  type: urlEnum(["MANUAL", "SYNCED"]).optional(),
});

export const TWINGATE_USER_CSV_HEADER = [
  "email",
  "firstName",
  "lastName",
  "state",
  "role",
  "source",
  "devices",
  "created",
] as const;

/** A users page as the export's columns. */
export const twingateUserCells = (r: TwingateUserRow) => [
  r.email,
  r.firstName,
  r.lastName,
  r.state,
  r.role,
  r.type === "SYNCED" ? "IdP" : "manual",
  r.devices,
  r.createdAtVendor,
];
export type UserSort = (typeof USER_SORTS)[number];

export interface TwingateUserRow {
  vendorId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  state: string;
  role: string | null;
  type: string | null;
  createdAtVendor: string | null;
  devices: number;
}

export async function listTwingateUsers(
  db: Db,
  tenantId: string,
  s: TableState<UserSort>,
  f: { state?: (typeof USER_STATES)[number]; role?: TwingateRole; type?: "MANUAL" | "SYNCED" },
) {
  const where: Prisma.TwingateUserWhereInput = {
    tenantId,
    ...live,
    ...(s.q ? { OR: [{ email: contains(s.q) }, { firstName: contains(s.q) }, { lastName: contains(s.q) }] } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.type ? { type: f.type } : {}),
  };
  const dir = order(s.dir);
  const orderBy: Prisma.TwingateUserOrderByWithRelationInput[] = {
    email: [{ emailNorm: dir }],
    name: [{ lastName: dir }, { firstName: dir }],
    state: [{ state: dir }],
    role: [{ role: dir }],
    created: [{ createdAtVendor: dir }],
  }[s.sort];
  const { skip, take } = pageWindow(s);
  const [rows, total] = await Promise.all([
    db.twingateUser.findMany({ where, orderBy: [...orderBy, { emailNorm: "asc" }], skip, take }),
    db.twingateUser.count({ where }),
  ]);
  const counts = rows.length
    ? await db.twingateDevice.groupBy({
        by: ["userVendorId"],
        where: { tenantId, ...live, userVendorId: { in: rows.map((r) => r.vendorId) } },
        _count: { _all: true },
      })
    : [];
  const byUser = new Map(counts.map((c) => [c.userVendorId, c._count._all]));
  return {
    total,
    rows: rows.map(
      (r): TwingateUserRow => ({
        vendorId: r.vendorId,
        email: r.email,
        firstName: r.firstName,
        lastName: r.lastName,
        state: r.state,
        role: r.role,
        type: r.type,
        createdAtVendor: r.createdAtVendor?.toISOString() ?? null,
        devices: byUser.get(r.vendorId) ?? 0,
      }),
    ),
  };
}

export const DEVICE_SORTS = ["name", "user", "state", "trusted", "os", "login"] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];

/**
 * The Twingate devices table's URL (the page and its export read the same). `user`: one user's devices (a Twingate
 * user id, from the users table).
 */
export const TwingateDeviceSearch = tableSearch({ sortable: DEVICE_SORTS, sort: "name" }).extend({
  state: urlEnum(DEVICE_STATES).optional(),
  trusted: urlEnum(["yes", "no"]).optional(),
  user: urlId(200).optional(),
});

export const TWINGATE_DEVICE_CSV_HEADER = [
  "name",
  "hostname",
  "serialNumber",
  "userEmail",
  "state",
  "trusted",
  "deviceType",
  "os",
  "osVersion",
  "clientVersion",
  "lastSignIn",
] as const;

/** A devices page as the export's columns. */
export const twingateDeviceCells = (r: TwingateDeviceRow) => [
  r.name,
  r.hostname,
  r.serialNumber,
  r.userEmail,
  r.activeState,
  yesNo(r.isTrusted),
  r.deviceType,
  r.osName,
  r.osVersion,
  r.clientVersion,
  r.lastSuccessfulLoginAt,
];

export interface TwingateDeviceRow {
  vendorId: string;
  name: string | null;
  hostname: string | null;
  serialNumber: string | null;
  userEmail: string | null;
  userVendorId: string | null;
  activeState: string;
  isTrusted: boolean;
  deviceType: string | null;
  osName: string | null;
  osVersion: string | null;
  clientVersion: string | null;
  lastSuccessfulLoginAt: string | null;
}

export async function listTwingateDevices(
  db: Db,
  tenantId: string,
  s: TableState<DeviceSort>,
  f: { state?: (typeof DEVICE_STATES)[number]; trusted?: "yes" | "no"; user?: string },
) {
  const where: Prisma.TwingateDeviceWhereInput = {
    tenantId,
    ...live,
    ...(s.q
      ? {
          OR: [
            { name: contains(s.q) },
            { hostname: contains(s.q) },
            { serialNumber: contains(s.q) },
            { userEmailNorm: contains(s.q) },
          ],
        }
      : {}),
    ...(f.state ? { activeState: f.state } : {}),
    ...(f.trusted ? { isTrusted: f.trusted === "yes" } : {}),
    ...(f.user ? { userVendorId: f.user } : {}),
  };
  const dir = order(s.dir);
  const orderBy: Prisma.TwingateDeviceOrderByWithRelationInput[] = {
    name: [{ name: dir }],
    user: [{ userEmailNorm: dir }],
    state: [{ activeState: dir }],
    trusted: [{ isTrusted: dir }],
    os: [{ osName: dir }, { osVersion: dir }],
    login: [{ lastSuccessfulLoginAt: { sort: dir, nulls: "last" as const } }],
  }[s.sort];
  const { skip, take } = pageWindow(s);
  const [rows, total] = await Promise.all([
    db.twingateDevice.findMany({ where, orderBy: [...orderBy, { vendorId: "asc" }], skip, take }),
    db.twingateDevice.count({ where }),
  ]);
  return {
    total,
    rows: rows.map(
      (r): TwingateDeviceRow => ({
        vendorId: r.vendorId,
        name: r.name,
        hostname: r.hostname,
        serialNumber: r.serialNumber,
        userEmail: r.userEmailNorm,
        userVendorId: r.userVendorId,
        activeState: r.activeState,
        isTrusted: r.isTrusted,
        deviceType: r.deviceType,
        osName: r.osName,
        osVersion: r.osVersion,
        clientVersion: r.clientVersion,
        lastSuccessfulLoginAt: r.lastSuccessfulLoginAt?.toISOString() ?? null,
      }),
    ),
  };
}

/** A small Twingate resource from VendorObject, with its attributes and raw answer. */
export interface TwingateObject<A = Record<string, unknown>, R = Record<string, unknown>> {
  vendorId: string;
  name: string;
  attributes: A;
  raw: R;
}

const asObject = <A, R>(o: {
  vendorId: string;
  name: string | null;
  attributes: unknown;
  raw: unknown;
}): TwingateObject<A, R> => ({
  vendorId: o.vendorId,
  name: o.name ?? "",
  attributes: (o.attributes ?? {}) as A,
  raw: (o.raw ?? {}) as R,
});

export async function listObjects<A = Record<string, unknown>, R = Record<string, unknown>>(
  db: Db,
  tenantId: string,
  kind: string,
  q = "",
): Promise<TwingateObject<A, R>[]> {
  const rows = await db.vendorObject.findMany({
    where: { tenantId, vendor: "twingate", kind, ...live, ...(q ? { name: contains(q) } : {}) },
    orderBy: [{ name: "asc" }, { vendorId: "asc" }],
    take: 2_000,
  });
  return rows.map((r) => asObject<A, R>(r));
}

export async function getObject<A = Record<string, unknown>, R = Record<string, unknown>>(
  db: Db,
  tenantId: string,
  kind: string,
  vendorId: string,
): Promise<TwingateObject<A, R> | null> {
  const r = await db.vendorObject.findFirst({ where: { tenantId, vendor: "twingate", kind, vendorId, ...live } });
  return r ? asObject<A, R>(r) : null;
}

/** Edge counts by one end, e.g. members per group. */
export async function edgeCounts(
  db: Db,
  tenantId: string,
  kind: string,
  by: "fromId" | "toId",
): Promise<Map<string, number>> {
  const rows = await db.vendorEdge.groupBy({
    by: [by],
    where: { tenantId, vendor: "twingate", kind, ...live },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [(r as Record<string, unknown>)[by] as string, r._count._all]));
}

/**
 * Members shown on a group's page; a group such as Everyone can hold the whole directory, so the page shows the
 * first ones and the count.
 */
export const MEMBERS_SHOWN = 500;

export async function groupMembers(db: Db, tenantId: string, groupId: string) {
  const [rows, total] = await Promise.all([
    db.$queryRaw<
      {
        vendorId: string;
        email: string;
        firstName: string | null;
        lastName: string | null;
        state: string;
        type: string | null;
      }[]
    >`
      SELECT u."vendorId", u.email, u."firstName", u."lastName", u.state, u.type
      FROM "VendorEdge" e JOIN "TwingateUser" u ON u."tenantId" = e."tenantId" AND u."vendorId" = e."toId"
        AND u."deletedAt" IS NULL
      WHERE e."tenantId" = ${tenantId} AND e.vendor = 'twingate' AND e.kind = 'group_member'
        AND e."fromId" = ${groupId} AND e."deletedAt" IS NULL
      ORDER BY u."emailNorm" LIMIT ${MEMBERS_SHOWN}`,
    db.vendorEdge.count({ where: { tenantId, vendor: "twingate", kind: "group_member", fromId: groupId, ...live } }),
  ]);
  return { rows, total };
}

/** Users who are not in the group, matching a search: the candidates to add. */
export async function groupCandidates(db: Db, tenantId: string, groupId: string, q: string) {
  if (!q) return [];
  const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.$queryRaw<
    { vendorId: string; email: string; firstName: string | null; lastName: string | null; state: string }[]
  >`
    SELECT u."vendorId", u.email, u."firstName", u."lastName", u.state FROM "TwingateUser" u
    WHERE u."tenantId" = ${tenantId} AND u."deletedAt" IS NULL
      AND (u."emailNorm" LIKE ${like} OR lower(u."firstName") LIKE ${like} OR lower(u."lastName") LIKE ${like})
      AND NOT EXISTS (SELECT 1 FROM "VendorEdge" e WHERE e."tenantId" = u."tenantId"
        AND e.vendor = 'twingate' AND e.kind = 'group_member'
        AND e."fromId" = ${groupId} AND e."toId" = u."vendorId" AND e."deletedAt" IS NULL)
    ORDER BY u."emailNorm" LIMIT 20`;
}

export async function grantsOn(db: Db, tenantId: string, resourceId: string): Promise<AccessGrant[]> {
  const rows = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "twingate", kind: "resource_access", fromId: resourceId, ...live },
  });
  return rows
    .map((r) => r.raw as unknown as AccessGrant)
    .sort((a, b) => a.principal.name.localeCompare(b.principal.name));
}

export async function grantsOf(db: Db, tenantId: string, principalId: string): Promise<AccessGrant[]> {
  const rows = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "twingate", kind: "resource_access", toId: principalId, ...live },
  });
  return rows.map((r) => r.raw as unknown as AccessGrant);
}

export async function userGroups(db: Db, tenantId: string, userId: string) {
  const edges = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "twingate", kind: "group_member", toId: userId, ...live },
    select: { fromId: true },
  });
  return db.vendorObject.findMany({
    where: { tenantId, vendor: "twingate", kind: "group", ...live, vendorId: { in: edges.map((e) => e.fromId) } },
    orderBy: { name: "asc" },
    select: { vendorId: true, name: true },
  });
}

export async function lastTwingateSync(db: Db, tenantId: string) {
  return db.syncRun.findFirst({
    where: { tenantId, vendor: "twingate", status: "succeeded" },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
}

/** What the Twingate overview counts: users, devices, and the cached objects of each kind (group, resource, …). */
export async function twingateOverview(db: Db, tenantId: string) {
  const where = { tenantId, ...live };
  const [users, devices, objects] = await Promise.all([
    db.twingateUser.count({ where }),
    db.twingateDevice.count({ where }),
    db.vendorObject.groupBy({ by: ["kind"], where: { ...where, vendor: "twingate" }, _count: { _all: true } }),
  ]);
  return { users, devices, objects: new Map(objects.map((o) => [o.kind, o._count._all])) };
}

/** A cached Twingate user's email, for naming them in a filter; null when the tenant has no such user. */
export async function twingateUserEmail(db: Db, tenantId: string, vendorId: string): Promise<string | null> {
  return (await db.twingateUser.findFirst({ where: { tenantId, vendorId }, select: { email: true } }))?.email ?? null;
}
