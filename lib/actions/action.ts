import "server-only";
import type { z } from "zod";
import { currentStaff, requestMeta } from "../auth/session";
import { db } from "../db";
import { tagAction } from "./action-tag";
import type { Result } from "./result";
import { type ActionContext, type ActionDef, type ActionEnv, runAction } from "./run-action";

export type { Result } from "./result";
export { ActionDenied, ActionError } from "./result";

// Loaded on first use: the registry imports every vendor's actions, which import this file.
const inverses: ActionEnv["inverses"] = () => import("../undo/registry").then((m) => m.INVERSES);

/**
 * Declares a server action: permission and input schema sit where the action
 * is defined and are checked by runAction, never inside the body.
 *
 *   export const createTenant = action(
 *     { name: "tenant.created", perm: "tenants.manage", input: TenantInput, tenant: "global" },
 *     async (input, ctx) => …,
 *   );
 */
export function action<S extends z.ZodType, T>(
  def: ActionDef<S>,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<Result<T>> {
  return tagAction(
    async (input) => runAction(def, body, input, { db: db(), staff: currentStaff, meta: requestMeta, inverses }),
    def as ActionDef<z.ZodType>,
  );
}
