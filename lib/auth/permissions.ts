export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/**
 * The one table of who may do what: each permission names the least role
 * that holds it. Vendor areas add their permissions here as they arrive
 * (user-level changes to operators, domain-wide ones to admins).
 */
export const PERMISSIONS = {
  "console.read": "viewer",
  "audit.read": "viewer",
  "audit.verify": "admin",
  /** Sets how long events are kept; older ones are archived to a file, then pruned. */
  "audit.retention": "admin",
  "profile.update": "viewer",
  "staff.manage": "admin",
  /** Console-wide settings (the second-factor requirement): an admin with every tenant only. */
  "console.settings": "admin",
  /** Creating and renaming tenants: an admin with every tenant only (EVERY_TENANT_PERMISSIONS). */
  "tenants.manage": "admin",
  /** Settings of one tenant that its own admins keep, such as the people-matching domain aliases. */
  "tenant.settings": "admin",
  "connections.read": "viewer",
  "connections.manage": "admin",
  /** A read-only call to the vendor with the stored credentials. */
  "connections.test": "operator",
  "trugrid.user.write": "operator",
  "trugrid.domain.write": "admin",
  /** Look-ups at TruGrid (logon IPs, allow-lists, associations) that refresh the cache and change nothing there. */
  "trugrid.read": "operator",
  "truu.write": "operator",
  "twingate.write": "operator",
  /**
   * Network-wide Twingate changes: roles, groups' policies, resources and access, networks, connectors, service
   * accounts.
   */
  "twingate.network.write": "admin",
  "jumpcloud.write": "operator",
  /** Deleting JumpCloud users and erasing or shutting down systems: not undoable, or felt by a whole office. */
  "jumpcloud.destructive": "admin",
  "sync.run": "operator",
  "sync.schedule": "admin",
  "bulk.apply": "operator",
  /**
   * Offboarding people across the four vendors in one job: it deletes TruU
   * devices (not undoable) and clears whole TruGrid machine groups to remove
   * one user's association, a group-wide change; admins only.
   */
  "offboarding.run": "admin",
  /**
   * Save a table view for everyone in a tenant, or remove one someone shared (own private views need only
   * console.read).
   */
  "views.share": "operator",
  /** API tokens for scripts: each no more than its creator's role and tenants, its secret shown once. */
  "api_tokens.manage": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAtLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

export function can(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}

/**
 * Permissions whose effect reaches past any one tenant (creating tenants,
 * pruning or verifying every tenant's audit events, console-wide settings):
 * an admin holds them only with every tenant, so a tenant-scoped admin never
 * acts on, or learns about, what it cannot see.
 */
export const EVERY_TENANT_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  "tenants.manage",
  "audit.retention",
  "audit.verify",
  "console.settings",
]);

/** can(), with the reach EVERY_TENANT_PERMISSIONS need: what the wrappers check. */
export function allows(staff: { role: Role; allTenants: boolean }, permission: Permission): boolean {
  return can(staff.role, permission) && (!EVERY_TENANT_PERMISSIONS.has(permission) || staff.allTenants);
}

/** Why allows() refused, for the audit log and the caller. */
export function refusalOf(
  staff: { role: Role; allTenants: boolean },
  permission: Permission,
): { reason: string; message: string } {
  if (!can(staff.role, permission)) {
    return {
      reason: `role ${staff.role} lacks ${permission} (needs ${PERMISSIONS[permission]})`,
      message: `Your role (${staff.role}) may not do this: it needs ${PERMISSIONS[permission]}.`,
    };
  }
  return {
    reason: `${permission} needs an admin with every tenant; the caller has some`,
    message: "Only an admin with access to every tenant may do this.",
  };
}
