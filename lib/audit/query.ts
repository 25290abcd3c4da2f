import "server-only";
import { z } from "zod";
import type { Staff } from "../auth/staff";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { AUDIT_OUTCOMES } from "./event";
import { auditScope } from "./scope";

export { auditScope };

export const AuditFilter = z.object({
  actor: z.string().trim().max(320).optional().catch(undefined),
  action: z.string().trim().max(200).optional().catch(undefined),
  tenant: z.string().trim().max(100).optional().catch(undefined),
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
  from: z.coerce.date().optional().catch(undefined),
  to: z.coerce.date().optional().catch(undefined),
  before: z.coerce.bigint().optional().catch(undefined),
  after: z.coerce.bigint().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(staff: Staff, f: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      auditScope(staff),
      f.actor ? { OR: [{ actorEmail: { contains: f.actor, mode: "insensitive" } }, { actorName: { contains: f.actor, mode: "insensitive" } }] } : {},
      f.action ? { action: { startsWith: f.action } } : {},
      f.tenant ? { tenantId: f.tenant } : {},
      f.outcome ? { outcome: f.outcome } : {},
      f.from ? { at: { gte: f.from } } : {},
      f.to ? { at: { lte: f.to } } : {},
    ],
  };
  // Keyset paging on seq: `before` walks to older events, `after` back to newer ones.
  const newerFirst = f.after === undefined;
  const rows = await db().auditEvent.findMany({
    where: { AND: [where, f.before !== undefined ? { seq: { lt: f.before } } : {}, f.after !== undefined ? { seq: { gt: f.after } } : {}] },
    orderBy: { seq: newerFirst ? "desc" : "asc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (!newerFirst) page.reverse();
  return {
    events: page,
    olderCursor: (newerFirst ? more : f.after !== undefined) && page.length ? page[page.length - 1].seq : null,
    newerCursor: (newerFirst ? f.before !== undefined : more) && page.length ? page[0].seq : null,
  };
}
