import "server-only";
import type { z } from "zod";
import { currentStaff, requestMeta } from "../auth/session";
import { db } from "../db";
import type { NoFields } from "../params/fields";
import { type NextRouteContext, type RouteContext, type RouteDef, type RouteInput, runRoute } from "./run-route";

export { NotFound } from "./refusal";

type Def<P extends z.ZodType, Q extends z.ZodType, R> = Omit<RouteDef<P, Q>, "tenant"> & { tenant: R };
type TenantFn<P extends z.ZodType, Q extends z.ZodType> = Exclude<RouteDef<P, Q>["tenant"], string>;
type Handler = (request: Request, context: NextRouteContext) => Promise<Response>;
/**
 * Declares a route handler: permission, parameter schemas and tenant sit
 * where the handler is defined and are checked by runRoute, never inside the
 * body. A route whose tenant rule names a tenant gets it as ctx.tenantId.
 *
 *   export const GET = route({ name: "bulk.progress_read", perm: "console.read", params: z.object({ jobId: pathId() }),
 *     tenant: ({ params }) => bulkJobTenant(params.jobId) }, async ({ params }, ctx) => Response.json(…));
 */
export function route<P extends z.ZodType = NoFields, Q extends z.ZodType = NoFields>(
  def: Def<P, Q, "global">,
  body: (input: RouteInput<P, Q>, ctx: RouteContext<null>) => Promise<Response>,
): Handler;
export function route<P extends z.ZodType = NoFields, Q extends z.ZodType = NoFields>(
  def: Def<P, Q, TenantFn<P, Q>>,
  body: (input: RouteInput<P, Q>, ctx: RouteContext<string>) => Promise<Response>,
): Handler;
export function route<P extends z.ZodType, Q extends z.ZodType>(
  def: RouteDef<P, Q>,
  body: (input: RouteInput<P, Q>, ctx: RouteContext<never>) => Promise<Response>,
): Handler {
  // The overloads tie ctx.tenantId's type to the rule: runRoute gives null for "global", a tenant for a rule
  // naming one.
  const run = body as (input: RouteInput<P, Q>, ctx: RouteContext) => Promise<Response>;
  return (request, context) =>
    runRoute(def, run, request, context, { db: db(), staff: currentStaff, meta: requestMeta });
}
