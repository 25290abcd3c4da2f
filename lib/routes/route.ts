import "server-only";
import type { z } from "zod";
import { currentStaff, requestMeta } from "../auth/session";
import { db } from "../db";
import { runRoute, type NextRouteContext, type RouteContext, type RouteDef, type RouteInput } from "./run-route";

export { NotFound } from "./refusal";

/**
 * Declares a route handler: permission, parameter schemas and tenant sit
 * where the handler is defined and are checked by runRoute, never inside the
 * body.
 *
 *   export const GET = route({ name: "bulk.progress_read", perm: "console.read", params: z.object({ jobId: pathId() }),
 *     tenant: ({ params }) => bulkJobTenant(params.jobId) }, async ({ params }, ctx) => Response.json(…));
 */
export function route<P extends z.ZodType = z.ZodObject<{}>, Q extends z.ZodType = z.ZodObject<{}>>(
  def: RouteDef<P, Q>,
  body: (input: RouteInput<P, Q>, ctx: RouteContext) => Promise<Response>,
): (request: Request, context: NextRouteContext) => Promise<Response> {
  return (request, context) => runRoute(def, body, request, context, { db: db(), staff: currentStaff, meta: requestMeta });
}
