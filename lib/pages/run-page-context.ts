import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { AuditTarget } from "../audit/event";
import { allows, type Permission, refusalOf } from "../auth/permissions";
import type { Staff, TenantSummary } from "../auth/staff";
import { checkParams, type ParamProblem, readParams } from "../params/read";
import { checkTenant, type RequestEnv, recordRefusal, type TenantRule } from "../routes/refusal";

const NONE = z.object({});

type Search = Record<string, string | string[] | undefined>;

/** What Next hands a page: its path parameters and its query, both as promises. */
export interface PageProps {
  params?: Promise<Search>;
  searchParams?: Promise<Search>;
}

/**
 * `"current"`: the tenant chosen in the header (null when the staff user has
 * none); `"global"`: none; or the tenant of what the path names (a job, a
 * person), which must be in the caller's scope.
 */
export type PageTenantRule<P> = "current" | TenantRule<{ params: P }>;

export interface PageDef<P extends z.ZodType, S extends z.ZodType> {
  /** The page's route as in app/, e.g. `/bulk/[jobId]`: what its refusals name. */
  page: string;
  perm: Permission;
  /** Path parameters: one that does not parse is "not found". */
  params?: P;
  /** Query parameters: every key needs a default or may be absent, since a bad value is dropped with a notice. */
  search?: S;
  /** Required: see PageTenantRule. */
  tenant: PageTenantRule<z.output<P>>;
  /** What a refusal of these params is about, for the audit event. */
  describe?: (params: z.output<P>) => AuditTarget[];
}

export interface PageContext<
  P extends z.ZodType,
  S extends z.ZodType,
  T extends TenantSummary | null = TenantSummary | null,
> {
  staff: Staff;
  /** null for a global page; the header's tenant (if any) for "current"; the named object's tenant otherwise. */
  tenant: T;
  params: z.output<P>;
  search: z.output<S>;
  /** Query parameters dropped as malformed, for the page's notice. */
  ignored: ParamProblem[];
  /** The accepted query parameters as written, for links that keep the view. */
  kept: Record<string, string>;
  /**
   * The lookup's value, or "not found" and a `denied` event naming the target (an id of another tenant, or of nothing).
   */
  found: <V>(
    value: V | null | undefined | Promise<V | null | undefined>,
    target: AuditTarget,
    why?: string,
  ) => Promise<V>;
}

export interface PageEnv extends RequestEnv {
  currentTenant: (staff: Staff) => Promise<TenantSummary | null>;
  tenantsInScope: (staff: Staff) => Promise<TenantSummary[]>;
}

/**
 * session → permission → zod params → tenant scope, the one path every page
 * takes, with its query read leniently: a page never shows an error for a bad
 * link, it drops the value and says so. Refusals are `denied` audit events,
 * as for actions and route handlers; a refused page redirects (no session, a
 * missing permission) or is "not found" (another tenant's object).
 */
export async function runPageContext<P extends z.ZodType = typeof NONE, S extends z.ZodType = typeof NONE>(
  props: PageProps,
  def: PageDef<P, S>,
  env: PageEnv,
): Promise<PageContext<P, S>> {
  const staff = await env.staff();
  const deny = (reason: string, tenantId: string | null, targets: AuditTarget[]) =>
    recordRefusal(env, staff, {
      action: "page.viewed",
      reason,
      tenantId,
      targets: [{ type: "page", id: def.page }, ...targets],
    });

  if (!staff) {
    await deny("not signed in", null, []);
    redirect("/login");
  }
  if (!allows(staff, def.perm)) {
    await deny(refusalOf(staff, def.perm).reason, null, []);
    redirect(`/?denied=${encodeURIComponent(def.perm)}`);
  }

  const parsedParams = checkParams(def.params ?? NONE, (await props.params) ?? {});
  if (!parsedParams.ok) {
    await deny(`invalid path parameter '${parsedParams.problem.param}': ${parsedParams.problem.problem}`, null, []);
    notFound();
  }
  const params = parsedParams.values as z.output<P>;
  const {
    values: search,
    ignored,
    kept,
  } = def.search ? readParams(def.search, (await props.searchParams) ?? {}) : { values: {}, ignored: [], kept: {} };
  const targets = def.describe?.(params) ?? [];

  let tenant: TenantSummary | null = null;
  if (def.tenant === "current") {
    tenant = await env.currentTenant(staff);
  } else if (def.tenant !== "global") {
    const scope = await checkTenant(def.tenant, { params }, staff);
    if (!scope.ok) {
      await deny(scope.reason, scope.tenantId, targets);
      notFound();
    }
    tenant = (await env.tenantsInScope(staff)).find((t) => t.id === scope.tenantId) ?? null;
    if (!tenant) notFound(); // removed since the staff row was read
  }

  const found = async <V>(
    value: V | null | undefined | Promise<V | null | undefined>,
    target: AuditTarget,
    why = "is not in the caller's tenants",
  ) => {
    const v = await value;
    if (v !== null && v !== undefined) return v;
    await deny(`${target.type} ${target.id} ${why}`, tenant?.id ?? null, [target]);
    notFound();
  };
  return { staff, tenant, params, search: search as z.output<S>, ignored, kept, found };
}
