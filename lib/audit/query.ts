import "server-only";
import type { Staff } from "../auth/staff";
import { db } from "../db";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AuditFilter, auditWhere } from "./filter";
import { personTargets } from "./person-targets";
import { auditScope } from "./scope";

export { AuditFilter, auditScope };

export const AUDIT_PAGE_SIZE = 50;

/** The columns a list or an export shows: everything but the chain hashes and the search vector. */
export const AUDIT_COLUMNS = Prisma.sql`seq, id, at, "actorId", "actorName", "actorEmail", ip, "userAgent", action,
  "tenantId", vendor::text AS vendor, targets, before, after, outcome::text AS outcome, reason,
  "changeReason", "jobId", "correlationId"`;

export interface AuditRow {
  seq: bigint;
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  tenantId: string | null;
  vendor: string | null;
  targets: unknown;
  before: unknown;
  after: unknown;
  outcome: string;
  reason: string | null;
  changeReason: string | null;
  jobId: string | null;
  correlationId: string | null;
}

/** A page of the log, newest first; `pageSize` fewer for a short list (a person's recent changes). */
export async function listAuditEvents(staff: Staff, f: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  // Keyset paging on seq: `before` walks to older events, `after` back to newer ones.
  const newerFirst = f.after === undefined;
  const person = f.person ? await personTargets(db(), staff, f.person) : null;
  const where = auditWhere(staff, f, person);
  const cursor =
    f.before !== undefined
      ? Prisma.sql`AND seq < ${f.before}`
      : f.after !== undefined
        ? Prisma.sql`AND seq > ${f.after}`
        : Prisma.empty;
  // One row per action: an intent whose outcome was recorded is folded into it (the outcome carries the same
  // targets, before and after; the detail page links the two). An intent still pending (in flight, or cut short by a
  // crash) stays. Exports keep every event.
  const rows = await db().$queryRaw<AuditRow[]>`
    SELECT ${AUDIT_COLUMNS} FROM "AuditEvent" e WHERE ${where} ${cursor}
      AND NOT (e."outcome" = 'pending' AND EXISTS (SELECT 1 FROM "AuditEvent" o WHERE o."correlationId" = e."id"))
    ORDER BY seq ${newerFirst ? Prisma.sql`DESC` : Prisma.sql`ASC`} LIMIT ${pageSize + 1}`;
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (!newerFirst) page.reverse();
  return {
    events: page,
    /** The person filtered on, by name, and how many accounts, devices and addresses name them. */
    person: person && { label: person.label, ids: person.ids.length },
    olderCursor: ((newerFirst ? more : f.after !== undefined) && page.at(-1)?.seq) || null,
    newerCursor: ((newerFirst ? f.before !== undefined : more) && page[0]?.seq) || null,
  };
}

/** One event with its chain fields, if the staff user may read it. */
export async function getAuditEvent(staff: Staff, id: string) {
  return db().auditEvent.findFirst({ where: { AND: [{ id }, auditScope(staff)] } });
}

/**
 * Events related to one the staff user reads, in their scope: the intent and
 * outcome of the same vendor call (one correlation id), and undos of it or
 * the event it undid (each names the other as an audit_event target).
 */
export async function relatedEvents(
  db: Db,
  staff: Staff,
  event: { id: string; correlationId: string | null; targets: unknown },
) {
  const targets = (Array.isArray(event.targets) ? event.targets : []) as { type?: string; id?: string }[];
  return db.auditEvent.findMany({
    where: {
      AND: [
        auditScope(staff),
        {
          OR: [
            ...(event.correlationId ? [{ id: event.correlationId }, { correlationId: event.correlationId }] : []),
            { correlationId: event.id },
            { targets: { array_contains: [{ type: "audit_event", id: event.id }] } },
            ...targets.filter((t) => t.type === "audit_event" && t.id).map((t) => ({ id: t.id })),
          ],
        },
        { NOT: { id: event.id } },
      ],
    },
    orderBy: { seq: "asc" },
    take: 20,
  });
}
