import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { pageWindow, type TableState } from "../table/params";

export const PEOPLE_SORTS = ["email", "name", "vendors"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const PEOPLE_VENDOR_FILTERS = ["trugrid", "truu", "twingate", "jumpcloud"] as const;

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
 * One page of a tenant's people with which vendors know them: each flag is
 * an index look-up on (tenantId, emailNorm) of a live cache row.
 */
export async function listPeople(db: Db, tenantId: string, state: TableState<PeopleSort>, filter: { only?: (typeof PEOPLE_VENDOR_FILTERS)[number]; missing?: (typeof PEOPLE_VENDOR_FILTERS)[number] }) {
  const q = state.q ? `%${state.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = Prisma.sql`p."tenantId" = ${tenantId}
    ${q ? Prisma.sql`AND (p."emailNorm" LIKE ${q} OR lower(p."displayName") LIKE ${q})` : Prisma.empty}
    ${filter.only ? Prisma.sql`AND t.${Prisma.raw(filter.only)}` : Prisma.empty}
    ${filter.missing ? Prisma.sql`AND NOT t.${Prisma.raw(filter.missing)}` : Prisma.empty}`;
  const flags = Prisma.sql`
    LEFT JOIN LATERAL (SELECT
      EXISTS (SELECT 1 FROM "TrugridUser" u WHERE u."tenantId" = p."tenantId" AND u."emailNorm" = p."emailNorm" AND u."deletedAt" IS NULL) AS trugrid,
      EXISTS (SELECT 1 FROM "TruuUser" u WHERE u."tenantId" = p."tenantId" AND u."emailNorm" = p."emailNorm" AND u."deletedAt" IS NULL) AS truu,
      EXISTS (SELECT 1 FROM "TwingateUser" u WHERE u."tenantId" = p."tenantId" AND u."emailNorm" = p."emailNorm" AND u."deletedAt" IS NULL) AS twingate,
      EXISTS (SELECT 1 FROM "JumpcloudUser" u WHERE u."tenantId" = p."tenantId" AND u."emailNorm" = p."emailNorm" AND u."deletedAt" IS NULL) AS jumpcloud
    ) t ON true`;
  const { skip, take } = pageWindow(state);
  const dir = state.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<PersonRow[]>`
      SELECT p.id, p."emailNorm", p."displayName", t.trugrid, t.truu, t.twingate, t.jumpcloud,
        (SELECT count(*)::int FROM "TruuDevice" d WHERE d."tenantId" = p."tenantId" AND d."userEmailNorm" = p."emailNorm" AND d."deletedAt" IS NULL) AS "truuDevices",
        (SELECT count(*)::int FROM "TwingateDevice" d WHERE d."tenantId" = p."tenantId" AND d."userEmailNorm" = p."emailNorm" AND d."deletedAt" IS NULL) AS "twingateDevices"
      FROM "Person" p ${flags}
      WHERE ${where}
      ORDER BY ${SORT_SQL[state.sort]} ${dir}, p."emailNorm" ASC
      OFFSET ${skip} LIMIT ${take}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Person" p ${flags} WHERE ${where}`,
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}
