import type pg from "pg";
import type { Org } from "../../../sim/jumpcloud/state";

/** What a sync caches of an association: the user side's bindings to the device side. */
export const DEVICE_SIDE = /^(system|system_group):/;

/** What the cache should hold, straight from the simulator's state: vendorIds per resource. */
export function upstreamIds(org: Org): Record<string, Set<string>> {
  const association = new Set<string>();
  for (const [from, tos] of org.associations) {
    if (!/^(user|user_group):/.test(from)) continue;
    for (const to of tos.keys()) if (DEVICE_SIDE.test(to)) association.add(`${from}|${to}`);
  }
  const members = (groups: Iterable<string>) =>
    new Set([...groups].flatMap((g) => [...(org.members.get(g) ?? [])].map((m) => `${g}|${m}`)));
  return {
    user: new Set(org.users.keys()),
    system: new Set(org.systems.keys()),
    user_group: new Set(org.userGroups.keys()),
    system_group: new Set(org.systemGroups.keys()),
    user_group_member: members(org.userGroups.keys()),
    system_group_member: members(org.systemGroups.keys()),
    association,
  };
}

/** The live (not deleted) vendorIds the cache holds per resource. */
export async function cachedIds(pool: pg.Pool, tenantId: string): Promise<Record<string, Set<string>>> {
  const q = (sql: string) => pool.query<{ k: string; id: string }>(sql, [tenantId]).then((r) => r.rows);
  const rows = [
    ...(await q(
      `SELECT 'user' AS k, "vendorId" AS id FROM "JumpcloudUser" WHERE "tenantId" = $1 AND "deletedAt" IS NULL`,
    )),
    ...(await q(
      `SELECT 'system' AS k, "vendorId" AS id FROM "JumpcloudSystem" WHERE "tenantId" = $1 AND "deletedAt" IS NULL`,
    )),
    ...(await q(
      `SELECT kind AS k, "vendorId" AS id FROM "VendorObject" WHERE ` +
        `"tenantId" = $1 AND vendor = 'jumpcloud' AND "deletedAt" IS NULL`,
    )),
    ...(await q(
      `SELECT kind AS k, "vendorId" AS id FROM "VendorEdge" WHERE ` +
        `"tenantId" = $1 AND vendor = 'jumpcloud' AND "deletedAt" IS NULL`,
    )),
  ];
  const out: Record<string, Set<string>> = {};
  for (const r of rows) {
    const ids = out[r.k] ?? new Set<string>();
    out[r.k] = ids;
    ids.add(r.id);
  }
  return out;
}
