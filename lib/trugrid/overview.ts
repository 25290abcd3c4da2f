import type { Db } from "../db/client";

/**
 * What the TruGrid overview counts from the cache: TruGrid lists users only
 * with their logon IPs and machines only through associations, and reports no
 * MFA or UDP state, so the last count is of users the console set one for.
 */
export async function trugridOverview(db: Db, tenantId: string) {
  const live = { tenantId, deletedAt: null };
  const [users, associations, allowedIps, externalDns, usersWithState] = await Promise.all([
    db.trugridUser.count({ where: live }),
    db.vendorEdge.count({ where: { ...live, vendor: "trugrid", kind: "machine_association" } }),
    db.vendorObject.count({ where: { ...live, vendor: "trugrid", kind: "allowed_ip" } }),
    db.vendorObject.count({ where: { ...live, vendor: "trugrid", kind: "external_dns" } }),
    db.trugridUserState.count({ where: { tenantId, OR: [{ mfaOn: { not: null } }, { udpOn: { not: null } }] } }),
  ]);
  return { users, associations, allowedIps, externalDns, usersWithState };
}
