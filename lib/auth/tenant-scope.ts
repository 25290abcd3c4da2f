import type { Staff } from "./staff";

/**
 * Which tenant a call acts in: the one rule of server actions, route handlers
 * and pages. `"global"` says so explicitly (the body's queries are scoped by
 * the staff user's tenants themselves); a function names the tenant from the
 * parsed input (or by looking up the object it names), and that tenant must
 * be in the caller's scope.
 */
export type TenantRule<I> =
  | "global"
  | ((input: I, staff: Staff) => Promise<string | null | undefined> | string | null | undefined);

export type TenantCheck =
  | { ok: true; tenantId: string | null }
  | { ok: false; tenantId: string | null; reason: string };

export async function checkTenant<I>(rule: TenantRule<I>, input: I, staff: Staff): Promise<TenantCheck> {
  if (rule === "global") return { ok: true, tenantId: null };
  const tenantId = (await rule(input, staff)) ?? null;
  if (tenantId && staff.tenantIds.includes(tenantId)) return { ok: true, tenantId };
  // Out of scope reads as "not found": a tenant's existence is not disclosed.
  return { ok: false, tenantId, reason: `tenant ${tenantId ?? "(none)"} is not in the caller's scope` };
}
