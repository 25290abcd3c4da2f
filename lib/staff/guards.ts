import { ActionDenied } from "../actions/result";
import type { ActionContext } from "../actions/run-action";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { manageRefusal, maySee } from "./reach";

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

/**
 * The account an admin asks to change, once the rules of reach allow it:
 * one it cannot see reads as "no such staff user", like another tenant's
 * row; one it sees but may not change is refused by name. Both are denied.
 */
export async function assertMayManage(ctx: Pick<ActionContext, "staff" | "db" | "audit">, staffId: string) {
  await lockStaffChanges(ctx.db);
  const target = await ctx.db.staffUser.findUnique({
    where: { id: staffId },
    include: { tenants: { select: { tenantId: true } } },
  });
  const reach = target && { role: target.role, tenantIds: target.tenants.map((t) => t.tenantId) };
  if (!target || !reach || !maySee(ctx.staff, reach)) {
    throw new ActionDenied(
      "There is no such staff user.",
      target ? `staff user ${staffId} has tenants outside the caller's` : `no staff user ${staffId}`,
    );
  }
  ctx.audit.targets = [{ type: "staff_user", id: target.id, label: target.email }];
  // One's own account is always in reach; what one may not do to it (own role, disabling) is refused by the caller.
  const refusal = target.id === ctx.staff.id ? null : manageRefusal(ctx.staff, reach);
  if (refusal) throw new ActionDenied(`You may not change ${target.email}: ${refusal}.`, refusal);
  return { ...target, tenantIds: reach.tenantIds };
}
