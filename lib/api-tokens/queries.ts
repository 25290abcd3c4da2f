import "server-only";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import { manageRefusal } from "../staff/reach";

export interface ApiTokenView {
  id: string;
  name: string;
  owner: string;
  role: string;
  tenants: string[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
}

/** The tokens a staff member may see and revoke: their own, and those an account of their reach could hold. */
export async function visibleApiTokens(db: Db, staff: Staff): Promise<ApiTokenView[]> {
  const tokens = await db.apiToken.findMany({
    include: { owner: { select: { name: true, email: true } }, tenants: { include: { tenant: true } } },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: 500,
  });
  return tokens
    .filter(
      (t) =>
        t.ownerId === staff.id ||
        manageRefusal(staff, { role: t.role, tenantIds: t.tenants.map((x) => x.tenantId) }) === null,
    )
    .map((t) => ({
      id: t.id,
      name: t.name,
      owner: t.owner.name,
      role: t.role,
      tenants: t.tenants.map((x) => x.tenant.name).sort(),
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      lastUsedIp: t.lastUsedIp,
      revokedAt: t.revokedAt,
    }));
}
