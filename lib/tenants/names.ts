import type { Db } from "../db/client";

/** Tenants' names by id, for what a route hands out; an id that names no tenant is not in the map. */
export async function tenantNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.tenant.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((t) => [t.id, t.name]));
}
