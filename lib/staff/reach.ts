import { type Role, roleAtLeast } from "../auth/permissions";

/** What a staff account can reach: its role and its tenants. */
export interface Reach {
  role: Role;
  tenantIds: readonly string[];
}

/** The acting staff user's reach, with whether it holds every tenant there is. */
export interface ActorReach extends Reach {
  id: string;
  allTenants: boolean;
}

const within = (inner: readonly string[], outer: readonly string[]) => inner.every((t) => outer.includes(t));

/** A staff user sees only accounts whose tenants are all among its own. */
export function maySee(actor: ActorReach, target: Reach): boolean {
  return within(target.tenantIds, actor.tenantIds);
}

/**
 * Why `actor` may not change the account `target` (its role, tenants,
 * password, second factor, whether it is disabled), or null when it may:
 * the target must be in sight and have no more reach than the actor, and
 * admins are managed only by an admin with every tenant.
 */
export function manageRefusal(actor: ActorReach, target: Reach): string | null {
  if (!maySee(actor, target)) return "the account has tenants outside the caller's";
  if (!roleAtLeast(actor.role, target.role))
    return `the account's role (${target.role}) outranks the caller's (${actor.role})`;
  if (target.role === "admin" && !actor.allTenants) return "only an admin with every tenant may change an admin";
  return null;
}

/**
 * Why `actor` may not give an account `role` and `tenantIds`, or null when
 * it may: a tenant can be granted only by someone who has it, a role only up
 * to one's own, and the admin role only by an admin with every tenant.
 * `roleKept`: the account already has the role (manageRefusal allowed it),
 * so saving it again grants nothing.
 */
export function grantRefusal(actor: ActorReach, grant: Reach, opts: { roleKept?: boolean } = {}): string | null {
  const outside = grant.tenantIds.filter((t) => !actor.tenantIds.includes(t));
  if (outside.length) return `grants ${outside.length} tenant(s) the caller does not have`;
  if (opts.roleKept) return null;
  if (!roleAtLeast(actor.role, grant.role)) return `grants the role ${grant.role}, above the caller's (${actor.role})`;
  if (grant.role === "admin" && !actor.allTenants) return "only an admin with every tenant may make an admin";
  return null;
}
