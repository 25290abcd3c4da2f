import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { pageWindow, type TableState } from "../table/params";
import { containsPattern, type DeviceFilter, type DeviceSort } from "./device-filters";

export interface DeviceRow {
  id: string;
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

// Each sort column has a partial index (tenantId, column, id) WHERE "deletedAt" IS NULL
// (see the truu_console_views migration), so a page is an index range read, not a sort.
const SORT_SQL: Record<DeviceSort, Prisma.Sql> = {
  name: Prisma.sql`"deviceName"`,
  type: Prisma.sql`"type"`,
  user: Prisma.sql`"userUpn"`,
  lastHeard: Prisma.sql`"lastHeardFrom"`,
  assurance: Prisma.sql`"assuranceLevel"`,
  created: Prisma.sql`"createdAtVendor"`,
};

/** The search text of a device; the same expression as the trigram index, or the index is not used. */
const SEARCH_TEXT = Prisma.sql`lower(coalesce("deviceName", '') || ' ' || coalesce("userUpn", '') || ' ' || coalesce("userDisplayName", ''))`;

/** WHERE for a tenant's live devices matching the URL's search and filters. */
export function deviceWhere(tenantId: string, q: string, f: DeviceFilter, now = new Date()): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`"tenantId" = ${tenantId}`, Prisma.sql`"deletedAt" IS NULL`];
  if (q) parts.push(Prisma.sql`${SEARCH_TEXT} LIKE ${containsPattern(q)}`);
  if (f.type) parts.push(Prisma.sql`"type" = ${f.type}`);
  if (f.assurance !== undefined) parts.push(Prisma.sql`"assuranceLevel" = ${f.assurance}`);
  if (f.active === true) parts.push(Prisma.sql`"active" = true`);
  if (f.active === false) parts.push(Prisma.sql`"active" IS NOT TRUE`);
  if (f.staleDays !== undefined) {
    const cutoff = new Date(now.getTime() - f.staleDays * 86_400_000);
    parts.push(Prisma.sql`("lastHeardFrom" < ${cutoff} OR "lastHeardFrom" IS NULL)`);
  }
  return Prisma.join(parts, " AND ");
}

export function deviceOrder(state: Pick<TableState<DeviceSort>, "sort" | "dir">): Prisma.Sql {
  const desc = state.dir === "desc";
  const dir = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // A device never heard from is the oldest: last when newest come first. Either way it is one
  // direction of the index's (lastHeardFrom DESC NULLS LAST, id DESC) order.
  if (state.sort === "lastHeard") return Prisma.sql`"lastHeardFrom" ${dir} ${desc ? Prisma.sql`NULLS LAST` : Prisma.sql`NULLS FIRST`}, "id" ${dir}`;
  // Type and assurance have few values: within one, newest check-in first, along their (column, lastHeardFrom DESC, id DESC) index.
  if (state.sort === "type" || state.sort === "assurance") {
    return desc
      ? Prisma.sql`${SORT_SQL[state.sort]} DESC, "lastHeardFrom" ASC NULLS FIRST, "id" ASC`
      : Prisma.sql`${SORT_SQL[state.sort]} ASC, "lastHeardFrom" DESC NULLS LAST, "id" DESC`;
  }
  // Elsewhere Postgres's default (NULLs last ascending, first descending) is a backward scan of the same index.
  return Prisma.sql`${SORT_SQL[state.sort]} ${dir}, "id" ${dir}`;
}

export const DEVICE_COLUMNS = Prisma.sql`"id", "vendorId", "deviceName", "type", "userGuid", "userUpn", "userDisplayName", "appVersion", "sdkVersion",
  "softwareIdentifier", "lastHeardFrom", "assuranceLevel", "active", "createdAtVendor"`;

/** One page of a tenant's devices and the number that match: two index-backed statements. */
export async function listDevices(db: Db, tenantId: string, state: TableState<DeviceSort>, filter: DeviceFilter) {
  const where = deviceWhere(tenantId, state.q, filter);
  const { skip, take } = pageWindow(state);
  const [rows, count] = await Promise.all([
    db.$queryRaw<DeviceRow[]>`SELECT ${DEVICE_COLUMNS} FROM "TruuDevice" WHERE ${where} ORDER BY ${deviceOrder(state)} OFFSET ${skip} LIMIT ${take}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TruuDevice" WHERE ${where}`,
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}
