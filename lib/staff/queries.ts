import "server-only";
import { ROLES, type Role } from "../auth/permissions";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import { grantRefusal, manageRefusal, maySee } from "./reach";

export interface StaffListRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  lastSignInAt: string | null;
  tenantIds: string[];
  /** Whether the viewer may edit, disable or reset this account (lib/staff/reach.ts). */
  manageable: boolean;
  secondFactor: { totp: boolean; passkeys: number };
}

/** The staff accounts `me` may see (tenants all among its own), each marked with whether it may change them. */
export async function staffInSight(db: Db, me: Staff): Promise<StaffListRow[]> {
  const rows = await db.staffUser.findMany({
    orderBy: { email: "asc" },
    include: {
      tenants: { select: { tenantId: true } },
      totp: { select: { confirmedAt: true } },
      _count: { select: { passkeys: true } },
    },
  });
  return rows
    .map((s) => ({ ...s, tenantIds: s.tenants.map((t) => t.tenantId) }))
    .filter((s) => maySee(me, s))
    .map((s) => ({
      id: s.id,
      name: s.name,
      email: s.email,
      role: s.role,
      disabled: s.disabled,
      lastSignInAt: s.lastSignInAt?.toISOString() ?? null,
      tenantIds: s.tenantIds,
      manageable: s.id === me.id || manageRefusal(me, s) === null,
      secondFactor: { totp: Boolean(s.totp?.confirmedAt), passkeys: s._count.passkeys },
    }));
}

/** The roles `me` may give (grantRefusal's rule: up to its own, and admin only with every tenant). */
export function grantableRoles(me: Staff): Role[] {
  return ROLES.filter((role) => grantRefusal(me, { role, tenantIds: [] }) === null);
}
