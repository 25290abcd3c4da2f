import { z } from "zod";
import { tokenPrincipal } from "../api-tokens/principal";
import { bearerOf } from "../api-tokens/token";
import type { AuditTarget } from "../audit/event";
import type { AuditAction } from "../audit/event-types";
import { allows, type Permission, refusalOf } from "../auth/permissions";
import type { Staff } from "../auth/staff";
import { checkParams } from "../params/read";
import { firstChunkFirst } from "./first-chunk";
import { checkTenant, found, NotFound, type RequestEnv, recordRefusal, type TenantRule } from "./refusal";

const NONE = z.object({});

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
}

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType> {
  /** The audit action a refusal is recorded under (and any event the body records), e.g. `audit.exported`. */
  name: AuditAction;
  perm: Permission;
  /** The path parameters ([jobId]); a bad one is a 400. */
  params?: P;
  /** The query parameters; a bad one is a 400, unknown ones are ignored. */
  query?: Q;
  /** Required: `"global"`, or the tenant the request acts in, which must be in the caller's scope. */
  tenant: TenantRule<RouteInput<P, Q>>;
  /** What a refusal of this input is about (the job it names), for the audit event. */
  describe?: (input: RouteInput<P, Q>) => AuditTarget[];
}

export interface RouteContext<T extends string | null = string | null> {
  staff: Staff;
  /** The tenant the tenant rule named (in scope), or null for a global route. */
  tenantId: T;
  request: Request;
  meta: { ip: string; userAgent: string | null };
  /** The value, or a refusal: 404 and a `denied` event naming the target. */
  found: typeof found;
}

/** What Next hands a route handler besides the request. */
export interface NextRouteContext {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

/**
 * Who calls: with an Authorization header, the API token it carries and nothing else (a session cookie sent beside it
 * is not looked at); without one, the session.
 */
async function caller(
  request: Request,
  env: RequestEnv,
): Promise<{ staff: Staff | null; tokenRefusal: string | null }> {
  const header = request.headers.get("authorization");
  if (header === null) return { staff: await env.staff(), tokenRefusal: null };
  const token = bearerOf(header);
  if (!token) return { staff: null, tokenRefusal: "an Authorization header that is not a bearer token" };
  const check = await tokenPrincipal(env.db, token, (await env.meta()).ip);
  return check.ok ? { staff: check.staff, tokenRefusal: null } : { staff: null, tokenRefusal: check.reason };
}

/**
 * session or API token → permission → zod params and query → tenant scope → body, the one
 * path every route handler takes (like runAction for server actions). Every
 * refusal is a `denied` audit event: a bad parameter is a 400 naming it; an
 * out-of-scope tenant or object is a 404, never disclosed as existing. The
 * response's first chunk is read before the status goes out, so a body that
 * fails fails as an error status, never as a 200 cut off mid-stream.
 */
export async function runRoute<P extends z.ZodType, Q extends z.ZodType>(
  def: RouteDef<P, Q>,
  body: (input: RouteInput<P, Q>, ctx: RouteContext) => Promise<Response>,
  request: Request,
  context: NextRouteContext | undefined,
  env: RequestEnv,
): Promise<Response> {
  const { staff, tokenRefusal } = await caller(request, env);
  const deny = (reason: string, extra: { tenantId?: string | null; targets?: AuditTarget[] } = {}) =>
    recordRefusal(env, staff, { action: def.name, reason, ...extra });

  if (tokenRefusal) {
    await deny(tokenRefusal);
    return json(401, { error: "invalid API token" }, { "www-authenticate": 'Bearer error="invalid_token"' });
  }
  if (!staff) {
    await deny("not signed in");
    return json(401, { error: "not signed in" });
  }
  if (!allows(staff, def.perm)) {
    await deny(refusalOf(staff, def.perm).reason);
    return json(403, { error: "forbidden", needs: def.perm });
  }

  const params = checkParams(def.params ?? NONE, (await context?.params) ?? {});
  const query = checkParams(def.query ?? NONE, new URL(request.url).searchParams);
  const bad = !params.ok ? params.problem : !query.ok ? query.problem : null;
  if (bad) {
    // A request the console cannot even read is refused too (and a probe with NUL bytes is worth seeing in the log).
    const error = `invalid parameter '${bad.param}': ${bad.problem}`;
    await deny(error);
    return json(400, { error, param: bad.param, problem: bad.problem });
  }
  const input = { params: params.ok ? params.values : {}, query: query.ok ? query.values : {} } as RouteInput<P, Q>;
  const targets = def.describe?.(input) ?? [];

  const scope = await checkTenant(def.tenant, input, staff);
  if (!scope.ok) {
    await deny(scope.reason, { tenantId: scope.tenantId, targets });
    return json(404, { error: "not found" });
  }

  try {
    const meta = await env.meta();
    return await firstChunkFirst(await body(input, { staff, tenantId: scope.tenantId, request, meta, found }));
  } catch (err) {
    if (!(err instanceof NotFound)) throw err;
    await deny(err.reason, { tenantId: scope.tenantId, targets: err.targets.length ? err.targets : targets });
    return json(404, { error: "not found" });
  }
}
