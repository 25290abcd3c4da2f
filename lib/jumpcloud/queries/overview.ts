import "server-only";
import type { Db } from "../../db/client";

export async function overviewCounts(db: Db, tenantId: string) {
  const [users, locked, suspended, systems, userGroups, systemGroups, associations] = await Promise.all([
    db.jumpcloudUser.count({ where: { tenantId, deletedAt: null } }),
    db.jumpcloudUser.count({ where: { tenantId, deletedAt: null, accountLocked: true } }),
    db.jumpcloudUser.count({ where: { tenantId, deletedAt: null, state: "SUSPENDED" } }),
    db.jumpcloudSystem.count({ where: { tenantId, deletedAt: null } }),
    db.vendorObject.count({ where: { tenantId, vendor: "jumpcloud", kind: "user_group", deletedAt: null } }),
    db.vendorObject.count({ where: { tenantId, vendor: "jumpcloud", kind: "system_group", deletedAt: null } }),
    db.vendorEdge.count({ where: { tenantId, vendor: "jumpcloud", kind: "association", deletedAt: null } }),
  ]);
  return { users, locked, suspended, systems, userGroups, systemGroups, associations };
}
