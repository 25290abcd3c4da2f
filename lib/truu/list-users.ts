import type { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { urlEnum } from "../params/fields";
import { type RawParams, readParams } from "../params/read";
import { pageWindow, type TableState, tableSearch, tableState } from "../table/params";
import { containsPattern } from "./device-filters";
import { assuranceLabel } from "./options";

export const USER_SORTS = ["upn", "name", "devices", "lastSynced", "created"] as const;
export type UserSort = (typeof USER_SORTS)[number];

export interface UserFilter {
  /** yes: users with at least one live device; no: enrolled users whose devices are all gone. */
  hasDevices?: boolean;
}

export interface UserRow {
  id: string;
  vendorId: string;
  upn: string;
  email: string | null;
  displayName: string | null;
  lastSynced: Date | null;
  createdAtVendor: Date | null;
  devices: number;
  /** The highest assurance level among the user's live devices. */
  bestAssurance: number | null;
}

export const UserTableSearch = tableSearch({ sortable: USER_SORTS, sort: "upn" }).extend({
  devices: urlEnum(["yes", "no"])
    .transform((v) => v === "yes")
    .optional(),
});

export function userTable(v: z.output<typeof UserTableSearch>): { state: TableState<UserSort>; filter: UserFilter } {
  return { state: tableState(v), filter: { hasDevices: v.devices } };
}

// The user GUID is TruU's own id of the user, the devices export's userGuid.
export const TRUU_USER_CSV_HEADER = [
  "upn",
  "displayName",
  "email",
  "devices",
  "bestAssurance",
  "lastSynced",
  "enrolled",
  "userGuid",
] as const;

/** A users page as the export's columns. */
export const truuUserCells = (r: UserRow) => [
  r.upn,
  r.displayName,
  r.email,
  r.devices,
  assuranceLabel(r.bestAssurance),
  r.lastSynced,
  r.createdAtVendor,
  r.vendorId,
];

/** The same from a raw URL, anything malformed dropped (for callers with no page context). */
export function readUserTable(search: RawParams) {
  return userTable(readParams(UserTableSearch, search).values);
}

const SORT_SQL: Record<UserSort, Prisma.Sql> = {
  upn: Prisma.sql`u."upn"`,
  name: Prisma.sql`u."displayName"`,
  devices: Prisma.sql`d.n`,
  lastSynced: Prisma.sql`u."lastSynced"`,
  created: Prisma.sql`u."createdAtVendor"`,
};

const SEARCH_TEXT = Prisma.sql`lower(coalesce(u."upn", '') || ' ' || coalesce(u."email", '') || ' '
  || coalesce(u."displayName", ''))`;

// The live devices of each user: an index look-up on (tenantId, userGuid) per row.
const DEVICE_COUNTS = Prisma.sql`LEFT JOIN LATERAL (
  SELECT count(*)::int AS n, max(x."assuranceLevel") AS best FROM "TruuDevice" x
  WHERE x."tenantId" = u."tenantId" AND x."userGuid" = u."vendorId" AND x."deletedAt" IS NULL) d ON true`;

/** One page of a tenant's enrolled users with their live device counts. */
export async function listUsers(db: Db, tenantId: string, state: TableState<UserSort>, filter: UserFilter) {
  const where = Prisma.join(
    [
      Prisma.sql`u."tenantId" = ${tenantId}`,
      Prisma.sql`u."deletedAt" IS NULL`,
      ...(state.q ? [Prisma.sql`${SEARCH_TEXT} LIKE ${containsPattern(state.q)}`] : []),
      ...(filter.hasDevices === true
        ? [Prisma.sql`d.n > 0`]
        : filter.hasDevices === false
          ? [Prisma.sql`d.n = 0`]
          : []),
    ],
    " AND ",
  );
  const dir = state.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const { skip, take } = pageWindow(state);
  const [rows, count] = await Promise.all([
    db.$queryRaw<UserRow[]>`
      SELECT u."id", u."vendorId", u."upn", u."email", u."displayName", u."lastSynced", u."createdAtVendor",
        d.n AS "devices", d.best AS "bestAssurance"
      FROM "TruuUser" u ${DEVICE_COUNTS} WHERE ${where}
      ORDER BY ${SORT_SQL[state.sort]} ${dir}, u."id" ${dir} OFFSET ${skip} LIMIT ${take}`,
    filter.hasDevices === undefined
      ? db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TruuUser" u WHERE ${where}`
      : db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TruuUser" u ${DEVICE_COUNTS} WHERE ${where}`,
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** One user of a tenant with all their devices (deleted ones too, marked), or null. */
export async function getUser(db: Db, tenantId: string, guid: string) {
  const user = await db.truuUser.findUnique({ where: { tenantId_vendorId: { tenantId, vendorId: guid } } });
  if (!user) return null;
  const devices = await db.truuDevice.findMany({
    where: { tenantId, userGuid: guid },
    orderBy: [{ deletedAt: { sort: "desc", nulls: "first" } }, { lastHeardFrom: { sort: "desc", nulls: "last" } }],
    select: {
      vendorId: true,
      deviceName: true,
      type: true,
      appVersion: true,
      sdkVersion: true,
      softwareIdentifier: true,
      lastHeardFrom: true,
      assuranceLevel: true,
      active: true,
      createdAtVendor: true,
      syncedAt: true,
      deletedAt: true,
      userUpn: true,
    },
    take: 500,
  });
  return { user, devices };
}
