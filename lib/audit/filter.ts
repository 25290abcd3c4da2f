import { z } from "zod";
import type { Staff } from "../auth/staff";
import { Prisma } from "../generated/prisma/client";
import { urlCursor, urlDate, urlEnum, urlId, urlText } from "../params/fields";
import { VENDOR_IDS } from "../vendors/connection-fields";
import { AUDIT_OUTCOMES } from "./event";
import { formerNamesOf } from "./legacy-names";
import type { PersonTargets } from "./person-targets";
import { seesTenantlessEvents } from "./scope";

/**
 * The audit log's filters, as read from a URL. The page drops a malformed
 * value with a notice (readParams); the export refuses it with a 400
 * (checkParams) before it sends a byte.
 */
export const AuditFilter = z.object({
  q: urlText(200).optional(),
  actor: urlText(320).optional(),
  action: urlText(200).optional(),
  tenant: urlId(100).optional(),
  vendor: urlEnum(VENDOR_IDS).optional(),
  target: urlText(320).optional(),
  outcome: urlEnum(AUDIT_OUTCOMES).optional(),
  job: urlId(100).optional(),
  /** A person: events naming any of their accounts, devices or addresses (resolved by personTargets). */
  person: urlId(100).optional(),
  from: urlDate.optional(),
  to: urlDate.optional(),
  before: urlCursor.optional(),
  after: urlCursor.optional(),
});
export type AuditFilter = Partial<z.output<typeof AuditFilter>>;

/**
 * Words typed in the search box as a prefix query: every word must match the
 * start of a word of the event (so "alice" finds alice@northwind.example).
 */
export function searchQuery(q: string): string | null {
  const words = q
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._-]/gu, "").replace(/^[-.]+|[-.]+$/g, ""))
    .filter(Boolean);
  return words.length
    ? words
        .slice(0, 12)
        .map((w) => `'${w}':*`)
        .join(" & ")
    : null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (s: string) => `%${escapeLike(s)}%`;

/**
 * The WHERE clause of a filtered, scoped read of the log: events of tenants
 * in scope; tenant-less events (sign-ins, staff changes) as auditScope says. The same clause serves the page, the
 * export and the counts.
 */
export function auditWhere(staff: Staff, f: AuditFilter, person?: PersonTargets | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`("tenantId" = ANY(${staff.tenantIds}::text[])
      OR ("tenantId" IS NULL AND (${seesTenantlessEvents(staff)} OR "actorId" = ${staff.id})))`,
  ];
  const tsq = f.q ? searchQuery(f.q) : null;
  if (tsq) parts.push(Prisma.sql`"search" @@ to_tsquery('simple', ${tsq})`);
  if (f.actor)
    parts.push(
      Prisma.sql`("actorEmail" ILIKE ${like(f.actor)} OR "actorName" ILIKE ${like(f.actor)} OR "actorId" = ${f.actor})`,
    );
  // An event keeps the name it was logged under: a filter for an action's current name finds it under a former name
  // too.
  if (f.action)
    parts.push(
      Prisma.sql`("action" LIKE ${`${escapeLike(f.action)}%`} OR "action" = ANY(${formerNamesOf(f.action)}::text[]))`,
    );
  if (f.tenant) parts.push(Prisma.sql`"tenantId" = ${f.tenant}`);
  if (f.vendor) parts.push(Prisma.sql`"vendor" = ${f.vendor}::"Vendor"`);
  if (f.target) {
    // An exact id uses the GIN index; a label or id fragment falls back to a scan of the (already narrowed) rows.
    parts.push(Prisma.sql`("targets" @> ${JSON.stringify([{ id: f.target }])}::jsonb
      OR EXISTS (SELECT 1 FROM jsonb_array_elements("targets") t
        WHERE t->>'label' ILIKE ${like(f.target)} OR t->>'id' ILIKE ${like(f.target)}))`);
  }
  if (f.person) {
    // The person's tenant, and one containment test per id, each served by the GIN index; a person out of scope
    // (not resolved) matches nothing.
    const ids = person?.ids ?? [];
    parts.push(
      person && ids.length
        ? Prisma.sql`"tenantId" = ${person.tenantId} AND (${Prisma.join(
            ids.map((id) => Prisma.sql`"targets" @> ${JSON.stringify([{ id }])}::jsonb`),
            " OR ",
          )})`
        : Prisma.sql`FALSE`,
    );
  }
  if (f.outcome) parts.push(Prisma.sql`"outcome" = ${f.outcome}::"AuditOutcome"`);
  if (f.job) parts.push(Prisma.sql`"jobId" = ${f.job}`);
  if (f.from) parts.push(Prisma.sql`"at" >= ${f.from}`);
  if (f.to) parts.push(Prisma.sql`"at" <= ${f.to}`);
  return Prisma.join(parts, " AND ");
}
