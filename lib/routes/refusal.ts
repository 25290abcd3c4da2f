import { anonymousRefusal, withLeftOut } from "../audit/anonymous-refusals";
import type { AuditTarget } from "../audit/event";
import type { AuditAction } from "../audit/event-types";
import { recordAudit } from "../audit/record";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";

export { checkTenant, type TenantCheck, type TenantRule } from "../auth/tenant-scope";

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
  constructor(
    readonly reason: string,
    readonly targets: AuditTarget[] = [],
  ) {
    super(reason);
  }
}

/** `value`, or a NotFound naming the target when the lookup (scoped to the caller's tenants) found nothing. */
export function found<T>(value: T | null | undefined, target: AuditTarget, why = "is not in the caller's tenants"): T {
  if (value === null || value === undefined) throw new NotFound(`${target.type} ${target.id} ${why}`, [target]);
  return value;
}

// A reason may quote what the request asked for: kept printable and short, so a
// hostile value can never make the refusal's own audit event fail.
// biome-ignore lint/suspicious/noControlCharactersInRegex: replaces control characters to keep the reason printable
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 500);

/**
 * Records a refusal as a `denied` audit event, as the action wrapper does;
 * without a session, within a per-address budget (lib/audit/anonymous-refusals.ts).
 */
export async function recordRefusal(
  env: RequestEnv,
  staff: Staff | null,
  e: { action: AuditAction; reason: string; tenantId?: string | null; targets?: AuditTarget[] },
) {
  const meta = await env.meta();
  let reason = e.reason;
  if (!staff) {
    const budget = anonymousRefusal(meta.ip);
    if (!budget.record) return;
    reason = withLeftOut(e.reason, budget.leftOut);
  }
  await recordAudit(env.db, {
    action: e.action,
    actor: staff && { id: staff.id, email: staff.email, name: staff.name },
    ...meta,
    tenantId: e.tenantId ? clean(e.tenantId) : null,
    outcome: "denied",
    reason: clean(reason),
    targets: (e.targets ?? []).map((t) => ({ ...t, id: clean(t.id) || "?" })),
  });
}
