import { type Queryable, rawRows } from "../db/raw-query";
import { Prisma } from "../generated/prisma/client";
import { pageWindow, type TableState } from "../table/params";
import { containsPattern, type DeviceFilter, type DeviceSort } from "./device-filters";

export interface DeviceRow {
  vendorId: string;
  deviceName: string | null;
  type: string | null;
  userGuid: string | null;
  userUpn: string | null;
  userDisplayName: string | null;
  appVersion: string | null;
  sdkVersion: string | null;
  softwareIdentifier: string | null;
  lastHeardFrom: Date | null;
  assuranceLevel: number | null;
  active: boolean | null;
  createdAtVendor: Date | null;
}

/**
 * Last heard, with "never" as the oldest time of all: one sort key for both
 * directions and a plain range for "stale". Indexed as this exact expression
 * (see the truu_console_views migration), so it must be written just so.
 */
const LAST_HEARD = Prisma.sql`coalesce("lastHeardFrom", '-infinity'::timestamp)`;

// Each sort column has a partial index (tenantId, column, id) WHERE "deletedAt" IS NULL
// (see the truu_console_views migration), so a page is an index range read, not a sort.
const SORT_SQL: Record<DeviceSort, Prisma.Sql> = {
  name: Prisma.sql`"deviceName"`,
  type: Prisma.sql`"type"`,
  user: Prisma.sql`"userUpn"`,
  lastHeard: LAST_HEARD,
  assurance: Prisma.sql`"assuranceLevel"`,
  created: Prisma.sql`"createdAtVendor"`,
};

/** The search text of a device; the same expression as the trigram index, or the index is not used. */
const SEARCH_TEXT = Prisma.sql`lower(coalesce("deviceName", '') || ' ' || coalesce("userUpn", '') || ' '
  || coalesce("userDisplayName", ''))`;

/** WHERE for a tenant's live devices matching the URL's search and filters. */
export function deviceWhere(tenantId: string, q: string, f: DeviceFilter, now = new Date()): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`"tenantId" = ${tenantId}`, Prisma.sql`"deletedAt" IS NULL`];
  if (q) parts.push(Prisma.sql`${SEARCH_TEXT} LIKE ${containsPattern(q)}`);
  if (f.type) parts.push(Prisma.sql`"type" = ${f.type}`);
  if (f.assurance !== undefined) parts.push(Prisma.sql`"assuranceLevel" = ${f.assurance}`);
  if (f.active === true) parts.push(Prisma.sql`"active" = true`);
  if (f.active === false) parts.push(Prisma.sql`"active" IS NOT TRUE`);
  if (f.staleDays !== undefined) {
    // UTC wall time as text: the column is a timestamp without zone holding UTC, and a typed
    // timestamptz parameter would make Postgres convert the column instead, losing the index.
    const cutoff = new Date(now.getTime() - f.staleDays * 86_400_000).toISOString().replace("Z", "");
    parts.push(Prisma.sql`${LAST_HEARD} < ${cutoff}::timestamp`);
  }
  return Prisma.join(parts, " AND ");
}

export function deviceOrder(state: Pick<TableState<DeviceSort>, "sort" | "dir">): Prisma.Sql {
  const desc = state.dir === "desc";
  const dir = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // Type and assurance have few values: within one, newest check-in first, along their
  // (column, last heard DESC, id DESC) index.
  if (state.sort === "type" || state.sort === "assurance") {
    return desc
      ? Prisma.sql`${SORT_SQL[state.sort]} DESC, ${LAST_HEARD} ASC, "id" ASC`
      : Prisma.sql`${SORT_SQL[state.sort]} ASC, ${LAST_HEARD} DESC, "id" DESC`;
  }
  // Postgres's default NULL placement (last ascending, first descending) is a backward scan of the same index.
  return Prisma.sql`${SORT_SQL[state.sort]} ${dir}, "id" ${dir}`;
}

// What the table shows, and no more: the rows travel to the browser twice (HTML and RSC payload).
export const DEVICE_COLUMNS = Prisma.sql`"vendorId", "deviceName", "type", "userGuid", "userUpn", "userDisplayName",
  "appVersion", "sdkVersion", "softwareIdentifier", "lastHeardFrom", "assuranceLevel", "active", "createdAtVendor"`;

/** Up to this many matches are counted exactly; beyond it the table says "about" Postgres's estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * How many devices match: exactly up to EXACT_COUNT_LIMIT (reading at most
 * that many index entries), else the planner's estimate. An exact count of
 * 90,000 rows costs tens of milliseconds on every page view for a figure
 * nobody reads to the last digit; the overview's charts give exact totals.
 */
export async function countDevices(
  db: Queryable,
  where: Prisma.Sql,
  limit = EXACT_COUNT_LIMIT,
): Promise<{ total: number; estimated: boolean }> {
  const [counted] = await rawRows<{ n: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "TruuDevice" WHERE ${where} LIMIT ${limit + 1}) s`,
  );
  const n = counted?.n ?? 0; // count(*) answers one row
  if (n <= limit) return { total: n, estimated: false };
  const plan = await rawRows<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    db,
    Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "TruuDevice" WHERE ${where}`,
  );
  const estimate = Math.round(plan[0]?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0);
  return { total: Math.max(n, estimate), estimated: true };
}

/** One page of a tenant's devices and how many match: index-backed statements, on node-postgres (`pgPool()`). */
export async function listDevices(
  db: Queryable,
  tenantId: string,
  state: TableState<DeviceSort>,
  filter: DeviceFilter,
) {
  const where = deviceWhere(tenantId, state.q, filter);
  const { skip, take } = pageWindow(state);
  const [rows, count] = await Promise.all([
    rawRows<DeviceRow>(
      db,
      Prisma.sql`SELECT ${DEVICE_COLUMNS} FROM "TruuDevice" WHERE ${where}
        ORDER BY ${deviceOrder(state)} OFFSET ${skip} LIMIT ${take}`,
    ),
    countDevices(db, where),
  ]);
  return { rows, ...count };
}
