import type { Staff } from "../auth/staff";
import type { Prisma } from "../generated/prisma/client";

/**
 * What a staff user may read: events of tenants in scope; events outside any
 * tenant (sign-ins, staff changes) only for admins, or one's own.
 */
export function auditScope(staff: Staff): Prisma.AuditEventWhereInput {
  return {
    OR: [
      { tenantId: { in: staff.tenantIds } },
      staff.role === "admin" ? { tenantId: null } : { tenantId: null, actorId: staff.id },
    ],
  };
}
