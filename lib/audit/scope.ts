import type { Staff } from "../auth/staff";
import type { Prisma } from "../generated/prisma/client";

/**
 * What a staff user may read: events of tenants in scope; events outside any
 * tenant (sign-ins, staff changes, which name staff of every tenant) only for
 * admins with every tenant, or one's own.
 */
export function seesTenantlessEvents(staff: Staff): boolean {
  return staff.role === "admin" && staff.allTenants;
}

export function auditScope(staff: Staff): Prisma.AuditEventWhereInput {
  return {
    OR: [
      { tenantId: { in: staff.tenantIds } },
      seesTenantlessEvents(staff) ? { tenantId: null } : { tenantId: null, actorId: staff.id },
    ],
  };
}
