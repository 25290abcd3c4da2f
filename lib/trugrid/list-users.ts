import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { urlEnum } from "../params/fields";
import { pageWindow, type TableState, tableSearch } from "../table/params";

export const USER_SORTS = ["upn", "mfa", "udp", "synced"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const STATE_FILTERS = ["on", "off", "unknown"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** The TruGrid users table's URL: its sort, search and filters (the page and its export read the same). */
export const TrugridUserSearch = tableSearch({ sortable: USER_SORTS, sort: "upn" }).extend({
  mfa: urlEnum(STATE_FILTERS).optional(),
  udp: urlEnum(STATE_FILTERS).optional(),
});

// MFA and UDP are what this console last set (TruGrid cannot be asked), so who set them and when go with them.
export const TRUGRID_USER_CSV_HEADER = [
  "upn",
  "mfa",
  "mfaSetAt",
  "mfaSetBy",
  "mfaResetAt",
  "mfaResetBy",
  "udp",
  "udpSetAt",
  "udpSetBy",
  "webIp",
  "desktopIp",
  "mobileIp",
  "machines",
  "readFromTrugrid",
] as const;

const onOff = (on: boolean | null) => (on === null ? "unknown" : on ? "on" : "off");

/** A users page as the export's columns. */
export const trugridUserCells = (r: TrugridUserRow) => [
  r.upn,
  onOff(r.mfaOn),
  r.mfaSetAt,
  r.mfaSetBy,
  r.mfaResetAt,
  r.mfaResetBy,
  onOff(r.udpOn),
  r.udpSetAt,
  r.udpSetBy,
  r.webIp,
  r.desktopIp,
  r.mobileIp,
  r.associations,
  r.syncedAt,
];

/** A synced TruGrid user with what this console last set for them (never the vendor's word: it has none to give). */
export interface TrugridUserRow {
  upn: string;
  webIp: string | null;
  desktopIp: string | null;
  mobileIp: string | null;
  syncedAt: Date;
  mfaOn: boolean | null;
  mfaSetAt: Date | null;
  mfaSetBy: string | null;
  mfaResetAt: Date | null;
  mfaResetBy: string | null;
  udpOn: boolean | null;
  udpSetAt: Date | null;
  udpSetBy: string | null;
  associations: number;
}

const SORT_SQL: Record<UserSort, Prisma.Sql> = {
  upn: Prisma.sql`u."emailNorm"`,
  mfa: Prisma.sql`s."mfaSetAt"`,
  udp: Prisma.sql`s."udpSetAt"`,
  synced: Prisma.sql`u."syncedAt"`,
};

function stateWhere(column: "mfaOn" | "udpOn", f: StateFilter | undefined): Prisma.Sql {
  if (!f) return Prisma.empty;
  const c = Prisma.raw(`s."${column}"`);
  return f === "unknown" ? Prisma.sql`AND ${c} IS NULL` : Prisma.sql`AND ${c} = ${f === "on"}`;
}

/** One page of the tenant's TruGrid users from the cache, joined to the console's own record of MFA and UDP. */
export async function listTrugridUsers(
  db: Db,
  tenantId: string,
  state: TableState<UserSort>,
  filter: { mfa?: StateFilter; udp?: StateFilter },
) {
  const q = state.q ? `%${state.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const from = Prisma.sql`FROM "TrugridUser" u
    LEFT JOIN "TrugridUserState" s ON s."tenantId" = u."tenantId" AND s."upn" = u."emailNorm"
    WHERE u."tenantId" = ${tenantId} AND u."deletedAt" IS NULL
    ${
      q
        ? Prisma.sql`AND (u."emailNorm" LIKE ${q} OR u."webIp" LIKE ${q}
      OR u."desktopIp" LIKE ${q} OR u."mobileIp" LIKE ${q})`
        : Prisma.empty
    }
    ${stateWhere("mfaOn", filter.mfa)} ${stateWhere("udpOn", filter.udp)}`;
  const { skip, take } = pageWindow(state);
  const dir = state.dir === "desc" ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<TrugridUserRow[]>`
      SELECT u.upn, u."webIp", u."desktopIp", u."mobileIp", u."syncedAt",
        s."mfaOn", s."mfaSetAt", s."mfaSetBy", s."mfaResetAt", s."mfaResetBy", s."udpOn", s."udpSetAt", s."udpSetBy",
        (SELECT count(*)::int FROM "VendorEdge" e WHERE e."tenantId" = u."tenantId" AND e.vendor = 'trugrid'
           AND e.kind = 'machine_association' AND e."deletedAt" IS NULL AND e."fromId" = u.upn) AS associations
      ${from}
      ORDER BY ${SORT_SQL[state.sort]} ${dir}, u."emailNorm" ASC
      OFFSET ${skip} LIMIT ${take}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from}`,
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** How many TruGrid users the tenant has in the cache (what a domain-wide change reaches). */
export async function trugridUserCount(db: Db, tenantId: string): Promise<number> {
  return db.trugridUser.count({ where: { tenantId, deletedAt: null } });
}
