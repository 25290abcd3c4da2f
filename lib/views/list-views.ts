import "server-only";
import type { Staff } from "../auth/staff";
import { db } from "../db";

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
  const rows = await db().tableView.findMany({
    where: { tenantId, table, OR: [{ ownerId: staff.id }, { shared: true }] },
    orderBy: [{ shared: "asc" }, { name: "asc" }],
    select: { id: true, name: true, query: true, shared: true, ownerId: true },
    take: 200,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, shared: r.shared, mine: r.ownerId === staff.id }));
}
