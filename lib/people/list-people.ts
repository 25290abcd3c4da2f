import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { urlEnum } from "../params/fields";
import { pageWindow, type TableState, tableSearch } from "../table/params";

export const PEOPLE_SORTS = ["email", "name", "vendors"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const PEOPLE_VENDOR_FILTERS = ["trugrid", "truu", "twingate", "jumpcloud"] as const;

/** The People table's URL: its sort, search and vendor filters (the page and its export read the same). */
export const PeopleSearch = tableSearch({ sortable: PEOPLE_SORTS, sort: "email" }).extend({
  only: urlEnum(PEOPLE_VENDOR_FILTERS).optional(),
  missing: urlEnum(PEOPLE_VENDOR_FILTERS).optional(),
});
export type PeopleFilter = {
  only?: (typeof PEOPLE_VENDOR_FILTERS)[number];
  missing?: (typeof PEOPLE_VENDOR_FILTERS)[number];
};

export interface PersonRow {
  id: string;
  emailNorm: string;
  displayName: string | null;
  trugrid: boolean;
  truu: boolean;
  twingate: boolean;
  jumpcloud: boolean;
  truuDevices: number;
  twingateDevices: number;
}

const SORT_SQL: Record<PeopleSort, Prisma.Sql> = {
  email: Prisma.sql`p."emailNorm"`,
  name: Prisma.sql`lower(coalesce(p."displayName", p."emailNorm"))`,
  vendors: Prisma.sql`(t.trugrid::int + t.truu::int + t.twingate::int + t.jumpcloud::int)`,
};

/**
 * A tenant's people with which vendors know them, filtered and sorted as the
 * table asks: each flag is an index look-up, through the person's keys (its
 * addresses and aliases, PersonKey by personId), on (tenantId, emailNorm) of
 * a live cache row. `columns` and `tail` make it a page or an export.
 */
function peopleSql(tenantId: string, state: TableState<PeopleSort>, filter: PeopleFilter) {
  const q = state.q ? `%${state.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  // A person merged into another (through an alias) is shown as that other one.
  const where = Prisma.sql`p."tenantId" = ${tenantId} AND p."mergedIntoId" IS NULL
    ${
      q
        ? Prisma.sql`AND (lower(p."displayName") LIKE ${q}
      OR EXISTS (SELECT 1 FROM "PersonKey" k WHERE k."personId" = p.id AND k.key LIKE ${q}))`
        : Prisma.empty
    }
    ${filter.only ? Prisma.sql`AND t.${Prisma.raw(filter.only)}` : Prisma.empty}
    ${filter.missing ? Prisma.sql`AND NOT t.${Prisma.raw(filter.missing)}` : Prisma.empty}`;
  const known = (table: string) => Prisma.sql`EXISTS (SELECT 1 FROM "PersonKey" k JOIN ${Prisma.raw(`"${table}"`)} u
        ON u."tenantId" = k."tenantId" AND u."emailNorm" = k.key AND u."deletedAt" IS NULL
        WHERE k."personId" = p.id)`;
  const flags = Prisma.sql`
    LEFT JOIN LATERAL (SELECT ${known("TrugridUser")} AS trugrid, ${known("TruuUser")} AS truu,
      ${known("TwingateUser")} AS twingate, ${known("JumpcloudUser")} AS jumpcloud) t ON true`;
  const devices = (table: string) => Prisma.sql`(SELECT count(*)::int FROM "PersonKey" k
    JOIN ${Prisma.raw(`"${table}"`)} d
      ON d."tenantId" = k."tenantId" AND d."userEmailNorm" = k.key AND d."deletedAt" IS NULL
    WHERE k."personId" = p.id)`;
  const dir = state.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = Prisma.sql`ORDER BY ${SORT_SQL[state.sort]} ${dir}, p."emailNorm" ASC`;
  return { where, flags, devices, order };
}

/** One page of a tenant's people with which vendors know them and how many devices. */
export async function listPeople(db: Db, tenantId: string, state: TableState<PeopleSort>, filter: PeopleFilter) {
  const { where, flags, devices, order } = peopleSql(tenantId, state, filter);
  const { skip, take } = pageWindow(state);
  const [rows, count] = await Promise.all([
    db.$queryRaw<PersonRow[]>`
      SELECT p.id, p."emailNorm", p."displayName", t.trugrid, t.truu, t.twingate, t.jumpcloud,
        ${devices("TruuDevice")} AS "truuDevices", ${devices("TwingateDevice")} AS "twingateDevices"
      FROM "Person" p ${flags}
      WHERE ${where}
      ${order}
      OFFSET ${skip} LIMIT ${take}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Person" p ${flags} WHERE ${where}`,
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

export const PEOPLE_CSV_HEADER = [
  "email",
  "name",
  "trugrid",
  "truu",
  "twingate",
  "jumpcloud",
  "truuDevices",
  "twingateDevices",
] as const;

/** Every person the table's filters match, in its order, as the export's columns (yes/no for each vendor). */
export function peopleExportSql(tenantId: string, state: TableState<PeopleSort>, filter: PeopleFilter): Prisma.Sql {
  const { where, flags, devices, order } = peopleSql(tenantId, state, filter);
  const yes = (flag: string) => Prisma.sql`CASE WHEN t.${Prisma.raw(flag)} THEN 'yes' ELSE 'no' END`;
  return Prisma.sql`
    SELECT p."emailNorm", p."displayName", ${yes("trugrid")}, ${yes("truu")}, ${yes("twingate")}, ${yes("jumpcloud")},
      ${devices("TruuDevice")}, ${devices("TwingateDevice")}
    FROM "Person" p ${flags}
    WHERE ${where}
    ${order}`;
}

/** The tenant's people with these (normalised) email addresses: what an audit event's targets link to. */
export async function peopleByEmail(db: Db, tenantId: string, emailsNorm: string[]) {
  if (emailsNorm.length === 0) return [];
  return db.person.findMany({
    where: { tenantId, emailNorm: { in: emailsNorm } },
    select: { id: true, emailNorm: true },
  });
}
