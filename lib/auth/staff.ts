import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { rawRows, type Queryable } from "../db/raw-query";
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

/**
 * loadStaff in one statement on node-postgres: every console request reads
 * the staff row, and Prisma's two queries (user, then tenants) cost several
 * times the CPU of this one.
 */
export async function readStaff(db: Queryable, id: string): Promise<Staff | null> {
  const [row] = await rawRows<Staff & { disabled: boolean }>(db, Prisma.sql`
    SELECT s."id", s."email", s."name", s."role"::text AS "role", s."disabled", s."sessionVersion",
      coalesce(array_agg(t."tenantId") FILTER (WHERE t."tenantId" IS NOT NULL), '{}') AS "tenantIds"
    FROM "StaffUser" s LEFT JOIN "StaffTenant" t ON t."staffId" = s."id"
    WHERE s."id" = ${id}
    GROUP BY s."id"`);
  if (!row || row.disabled) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, tenantIds: row.tenantIds, sessionVersion: row.sessionVersion };
}
