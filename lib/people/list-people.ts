import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
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
 * an index look-up, through the person's keys (its addresses and aliases,
 * PersonKey by personId), on (tenantId, emailNorm) of a live cache row.
 */
export async function listPeople(
  db: Db,
  tenantId: string,
  state: TableState<PeopleSort>,
  filter: { only?: (typeof PEOPLE_VENDOR_FILTERS)[number]; missing?: (typeof PEOPLE_VENDOR_FILTERS)[number] },
) {
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
  const flags = Prisma.sql`
    LEFT JOIN LATERAL (SELECT
      EXISTS (SELECT 1 FROM "PersonKey" k JOIN "TrugridUser" u
        ON u."tenantId" = k."tenantId" AND u."emailNorm" = k.key AND u."deletedAt" IS NULL
        WHERE k."personId" = p.id) AS trugrid,
      EXISTS (SELECT 1 FROM "PersonKey" k JOIN "TruuUser" u
        ON u."tenantId" = k."tenantId" AND u."emailNorm" = k.key AND u."deletedAt" IS NULL
        WHERE k."personId" = p.id) AS truu,
      EXISTS (SELECT 1 FROM "PersonKey" k JOIN "TwingateUser" u
        ON u."tenantId" = k."tenantId" AND u."emailNorm" = k.key AND u."deletedAt" IS NULL
        WHERE k."personId" = p.id) AS twingate,
      EXISTS (SELECT 1 FROM "PersonKey" k JOIN "JumpcloudUser" u
        ON u."tenantId" = k."tenantId" AND u."emailNorm" = k.key AND u."deletedAt" IS NULL
        WHERE k."personId" = p.id) AS jumpcloud
    ) t ON true`;
  const { skip, take } = pageWindow(state);
  const dir = state.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<PersonRow[]>`
      SELECT p.id, p."emailNorm", p."displayName", t.trugrid, t.truu, t.twingate, t.jumpcloud,
        (SELECT count(*)::int FROM "PersonKey" k JOIN "TruuDevice" d
          ON d."tenantId" = k."tenantId" AND d."userEmailNorm" = k.key AND d."deletedAt" IS NULL
          WHERE k."personId" = p.id) AS "truuDevices",
        (SELECT count(*)::int FROM "PersonKey" k JOIN "TwingateDevice" d
          ON d."tenantId" = k."tenantId" AND d."userEmailNorm" = k.key AND d."deletedAt" IS NULL
          WHERE k."personId" = p.id) AS "twingateDevices"
      FROM "Person" p ${flags}
      WHERE ${where}
      ORDER BY ${SORT_SQL[state.sort]} ${dir}, p."emailNorm" ASC
      OFFSET ${skip} LIMIT ${take}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Person" p ${flags} WHERE ${where}`,
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** The tenant's people with these (normalised) email addresses: what an audit event's targets link to. */
export async function peopleByEmail(db: Db, tenantId: string, emailsNorm: string[]) {
  if (emailsNorm.length === 0) return [];
  return db.person.findMany({
    where: { tenantId, emailNorm: { in: emailsNorm } },
    select: { id: true, emailNorm: true },
  });
}
