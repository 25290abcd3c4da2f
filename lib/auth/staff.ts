import type { Db } from "../db/client";
import type { Role } from "./permissions";

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The tenants this staff user may read and act in. */
  tenantIds: string[];
  sessionVersion: number;
}

/** Loads an active staff user, or null when missing or disabled. */
export async function loadStaff(db: Db, id: string): Promise<Staff | null> {
  const row = await db.staffUser.findUnique({ where: { id }, include: { tenants: { select: { tenantId: true } } } });
  if (!row || row.disabled) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantIds: row.tenants.map((t) => t.tenantId),
    sessionVersion: row.sessionVersion,
  };
}
