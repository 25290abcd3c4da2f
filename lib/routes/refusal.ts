import type { AuditTarget } from "../audit/event";
import { anonymousRefusal, notSignedInReason } from "../audit/anonymous-refusals";
import { recordAudit } from "../audit/record";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";

/** What a route handler or a page needs from its request, given by the Next wrappers and by tests. */
export interface RequestEnv {
  db: Db;
  staff: () => Promise<Staff | null>;
  meta: () => Promise<{ ip: string; userAgent: string | null }>;
}

/**
 * Thrown by a body (or its `found` helper) when what the request names is
 * not in the caller's tenants, or not there at all: the wrapper answers
 * "not found", whichever it was, and records the refusal.
 */
export class NotFound extends Error {
  constructor(readonly reason: string, readonly targets: AuditTarget[] = []) {
    super(reason);
  }
}

/** `value`, or a NotFound naming the target when the lookup (scoped to the caller's tenants) found nothing. */
export function found<T>(value: T | null | undefined, target: AuditTarget, why = "is not in the caller's tenants"): T {
  if (value === null || value === undefined) throw new NotFound(`${target.type} ${target.id} ${why}`, [target]);
  return value;
}

/**
 * Which tenant a request acts in. `"global"` says so explicitly (the body's
 * queries are scoped by the staff user's tenants themselves); a function
 * names the tenant from the parsed input (or by looking up the object it
 * names), and that tenant must be in the caller's scope.
 */
export type TenantRule<I> = "global" | ((input: I, staff: Staff) => Promise<string | null | undefined> | string | null | undefined);

export type TenantCheck = { ok: true; tenantId: string | null } | { ok: false; tenantId: string | null; reason: string };

export async function checkTenant<I>(rule: TenantRule<I>, input: I, staff: Staff): Promise<TenantCheck> {
  if (rule === "global") return { ok: true, tenantId: null };
  const tenantId = (await rule(input, staff)) ?? null;
  if (tenantId && staff.tenantIds.includes(tenantId)) return { ok: true, tenantId };
  // Out of scope reads as "not found": a tenant's existence is not disclosed.
  return { ok: false, tenantId, reason: `tenant ${tenantId ?? "(none)"} is not in the caller's scope` };
}

// A reason may quote what the request asked for: kept printable and short, so a
// hostile value can never make the refusal's own audit event fail.
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 500);

/**
 * Records a refusal as a `denied` audit event, as the action wrapper does;
 * without a session, within a per-address budget (lib/audit/anonymous-refusals.ts).
 */
export async function recordRefusal(env: RequestEnv, staff: Staff | null, e: { action: string; reason: string; tenantId?: string | null; targets?: AuditTarget[] }) {
  const meta = await env.meta();
  let reason = e.reason;
  if (!staff) {
    const budget = anonymousRefusal(meta.ip);
    if (!budget.record) return;
    reason = e.reason === "not signed in" ? notSignedInReason(budget.leftOut) : `${e.reason}${budget.leftOut ? ` (and ${budget.leftOut} more from this address not recorded)` : ""}`;
  }
  await recordAudit(env.db, {
    action: e.action, actor: staff && { id: staff.id, email: staff.email, name: staff.name }, ...meta,
    tenantId: e.tenantId ? clean(e.tenantId) : null, outcome: "denied", reason: clean(reason),
    targets: (e.targets ?? []).map((t) => ({ ...t, id: clean(t.id) || "?" })),
  });
}
