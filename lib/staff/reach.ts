import { ActionError } from "../actions/result";
import { roleAtLeast, type Role } from "../auth/permissions";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

/** What bounds a staff user's power: their role and the tenants they act in. */
export interface Reach {
  role: Role;
  tenantIds: readonly string[];
}

/** Whether the caller holds every tenant there is: only such a caller may change console-wide settings. */
export function hasEveryTenant(caller: Reach, allTenantIds: readonly string[]): boolean {
  return allTenantIds.every((t) => caller.tenantIds.includes(t));
}

/**
 * Whether the caller may change the target account: an account with more
 * reach than one's own would otherwise be a way to gain it (resetting its
 * second factor, for one, helps whoever knows its password). The target's
 * tenants must all be the caller's, its role no higher, and an admin, who can
 * change console-wide settings, may be managed only by an admin who holds
 * every tenant.
 */
export function mayManage(caller: Reach, target: Reach, allTenantIds: readonly string[]): boolean {
  if (!roleAtLeast(caller.role, target.role)) return false;
  if (!target.tenantIds.every((t) => caller.tenantIds.includes(t))) return false;
  if (target.role === "admin" && !hasEveryTenant(caller, allTenantIds)) return false;
  return true;
}

/** Loads the target staff user and refuses (ActionError) one outside the caller's reach. */
export async function assertMayManage(ctx: { staff: Staff; db: Db | Prisma.TransactionClient }, targetStaffId: string) {
  const [target, tenants] = await Promise.all([
    ctx.db.staffUser.findUnique({ where: { id: targetStaffId }, include: { tenants: { select: { tenantId: true } } } }),
    ctx.db.tenant.findMany({ select: { id: true } }),
  ]);
  if (!target) throw new ActionError("There is no such staff user.");
  const reach = { role: target.role, tenantIds: target.tenants.map((t) => t.tenantId) };
  if (!mayManage(ctx.staff, reach, tenants.map((t) => t.id))) {
    throw new ActionError("That account's role or tenants go beyond yours: ask an admin who holds all of them.");
  }
  return target;
}
