import "server-only";
import { can } from "../auth/permissions";
import type { Staff, TenantSummary } from "../auth/staff";
import { db } from "../db";

/**
 * What every TruGrid page needs beside its page context (the signed-in staff
 * and the current tenant in their scope): the tenant's TruGrid domain (a
 * setting, not a secret) and what the role may do, so pages show only the
 * controls the actions will allow.
 */
export async function trugridScope({ staff, tenant }: { staff: Staff; tenant: TenantSummary | null }) {
  if (!tenant) return { staff, tenant: null, domainName: null, may: { user: false, domain: false } } as const;
  const conn = await db().vendorConnection.findUnique({ where: { tenantId_vendor: { tenantId: tenant.id, vendor: "trugrid" } }, select: { settings: true } });
  const domainName = ((conn?.settings ?? {}) as { domainName?: string | null }).domainName ?? null;
  return {
    staff, tenant, domainName,
    may: { user: can(staff.role, "trugrid.user.write"), domain: can(staff.role, "trugrid.domain.write") },
  } as const;
}
