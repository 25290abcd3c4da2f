import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

type Tx = Db | Prisma.TransactionClient;

/** Serialises changes to staff accounts, so two admins cannot each remove the other as the last one. */
const STAFF_LOCK = 4_201_779;

export async function lockStaffChanges(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STAFF_LOCK}::int)`;
}

/**
 * Active admins that hold every tenant: the accounts that can manage
 * everyone else. Read before a new tenant exists, so they can be given it.
 */
export async function allTenantAdminIds(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "StaffUser" s
    WHERE s."role" = 'admin' AND NOT s."disabled"
      AND (SELECT count(*) FROM "StaffTenant" t WHERE t."staffId" = s."id") >= (SELECT count(*) FROM "Tenant")`;
  return rows.map((r) => r.id);
}
