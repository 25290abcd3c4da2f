import "server-only";
import type { Staff } from "../auth/staff";
import { pgPool } from "../db";
import { rawRows } from "../db/raw-query";
import { Prisma } from "../generated/prisma/client";

export interface TableViewItem {
  id: string;
  name: string;
  query: string;
  shared: boolean;
  /** The viewer saved it (and so may delete it). */
  mine: boolean;
}

/** The views of one table a staff user may use in a tenant: their own, then those shared with the tenant. */
export async function listTableViews(staff: Staff, tenantId: string, table: string): Promise<TableViewItem[]> {
  if (!staff.tenantIds.includes(tenantId)) return [];
  // Plain SQL: read on every view of the table's page, where Prisma's query engine costs more than the query.
  const rows = await rawRows<{ id: string; name: string; query: string; shared: boolean; ownerId: string }>(
    pgPool(),
    Prisma.sql`
    SELECT "id", "name", "query", "shared", "ownerId" FROM "TableView"
    WHERE "tenantId" = ${tenantId} AND "table" = ${table} AND ("ownerId" = ${staff.id} OR "shared")
    ORDER BY "shared" ASC, "name" ASC LIMIT 200`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, shared: r.shared, mine: r.ownerId === staff.id }));
}
