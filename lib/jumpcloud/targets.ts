import type { AuditTarget } from "../audit/event";
import type { Db } from "../db/client";

// Audit targets and "before" snapshots read from the cache: what the
// operator saw when acting, named the way the sync names the same objects.

export async function cachedUser(db: Db, tenantId: string, userId: string) {
  return db.jumpcloudUser.findUnique({ where: { tenantId_vendorId: { tenantId, vendorId: userId } } });
}

export function userTarget(id: string, label?: string | null): AuditTarget {
  return { type: "jumpcloud_user", id, ...(label ? { label } : {}) };
}

export function systemTarget(id: string, label?: string | null): AuditTarget {
  return { type: "jumpcloud_system", id, ...(label ? { label } : {}) };
}

export function groupTarget(kind: "user_group" | "system_group", id: string, label?: string | null): AuditTarget {
  return { type: `jumpcloud_${kind}`, id, ...(label ? { label } : {}) };
}

/** A user's state as the audit log records it: enough for an undo to put it back. */
export function userSnapshot(
  u: {
    state?: string | null;
    suspended?: boolean | null;
    account_locked?: boolean | null;
    accountLocked?: boolean | null;
    password_expired?: boolean | null;
    passwordExpired?: boolean | null;
  } | null,
) {
  if (!u) return null;
  return {
    state: u.state ?? null,
    suspended: u.suspended ?? null,
    accountLocked: ("accountLocked" in u ? u.accountLocked : u.account_locked) ?? null,
    passwordExpired: ("passwordExpired" in u ? u.passwordExpired : u.password_expired) ?? null,
  };
}

export async function labelOf(
  db: Db,
  tenantId: string,
  kind: "user" | "system" | "user_group" | "system_group",
  id: string,
): Promise<string | null> {
  if (kind === "user") {
    const u = await db.jumpcloudUser.findUnique({
      where: { tenantId_vendorId: { tenantId, vendorId: id } },
      select: { email: true, username: true },
    });
    return u ? u.email || u.username : null;
  }
  if (kind === "system") {
    const s = await db.jumpcloudSystem.findUnique({
      where: { tenantId_vendorId: { tenantId, vendorId: id } },
      select: { displayName: true, hostname: true },
    });
    return s ? s.displayName || s.hostname : null;
  }
  const g = await db.vendorObject.findUnique({
    where: { tenantId_vendor_kind_vendorId: { tenantId, vendor: "jumpcloud", kind, vendorId: id } },
    select: { name: true },
  });
  return g?.name ?? null;
}
