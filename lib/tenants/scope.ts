import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { type Staff, type TenantSummary, tenantsReadWith } from "../auth/staff";
import { pgPool } from "../db";
import { rawRows } from "../db/raw-query";
import { Prisma } from "../generated/prisma/client";

export const TENANT_COOKIE = "console-tenant";

export type { TenantSummary };

/**
 * The tenants a staff user may see, by name. Read for every console page (the
 * header's switcher): with the staff row when the session read it (readStaff),
 * else in plain SQL, not Prisma.
 */
export const tenantsInScope = cache(
  async (staff: Staff): Promise<TenantSummary[]> =>
    tenantsReadWith.get(staff) ??
    (staff.tenantIds.length === 0
      ? []
      : rawRows<TenantSummary>(
          pgPool(),
          Prisma.sql`
    SELECT "id", "name", "isDemo", "requireChangeReason" FROM "Tenant"
    WHERE "id" = ANY(${staff.tenantIds}::text[]) ORDER BY "name" ASC`,
        )),
);

/** The tenant chosen in the header switcher, if still in scope; otherwise the first in scope. */
export const currentTenant = cache(async (staff: Staff): Promise<TenantSummary | null> => {
  const tenants = await tenantsInScope(staff);
  const chosen = (await cookies()).get(TENANT_COOKIE)?.value;
  return tenants.find((t) => t.id === chosen) ?? tenants[0] ?? null;
});
