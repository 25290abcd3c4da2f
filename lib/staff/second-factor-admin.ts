import { z } from "zod";
import { ActionError } from "../actions/result";
import type { ActionContext, ActionDef } from "../actions/run-action";
import { ROLES } from "../auth/permissions";
import { clearSecondFactors, loadSecondFactorPolicy } from "../second-factor/factors";
import { SECOND_FACTOR_SCOPES } from "../second-factor/policy";
import { assertMayManage } from "./guards";

// Admin actions on second factors, wrapped in second-factor-actions.ts.

const Target = z.object({ staffId: z.string().min(1) });

export const resetSecondFactorDef = {
  name: "staff.second_factor.reset",
  perm: "staff.manage",
  tenant: "global",
  input: Target,
  describe: (i) => ({ targets: [{ type: "staff_user", id: i.staffId }] }),
} satisfies ActionDef<typeof Target>;

/**
 * For a staff user who lost their phone or security key: every factor and
 * recovery code goes, and the session version is bumped so that their open
 * sessions end. At their next sign-in they enrol again if the policy
 * requires a factor, so whoever knows their password then could enrol
 * instead: hand the account back in person. (For the last admin, locked
 * out, `npm run staff:reset-second-factor` does the same from the server.)
 */
export async function resetSecondFactorBody({ staffId }: z.output<typeof Target>, ctx: ActionContext) {
  if (staffId === ctx.staff.id) throw new ActionError("Manage your own second factor under Settings → Security.");
  await assertMayManage(ctx, staffId);
  ctx.audit.before = await clearSecondFactors(ctx.db, staffId);
  ctx.audit.after = { totp: false, passkeys: 0, recoveryCodesLeft: 0, signedOut: true };
  return { staffId };
}

const Policy = z
  .object({
    scope: z.enum(SECOND_FACTOR_SCOPES),
    roles: z.array(z.enum(ROLES)).default([]),
  })
  .refine((p) => p.scope !== "roles" || p.roles.length > 0, { path: ["roles"], message: "Choose at least one role" });

export const saveSecondFactorPolicyDef = {
  name: "staff.second_factor_policy.changed",
  perm: "console.settings",
  tenant: "global",
  input: Policy,
} satisfies ActionDef<typeof Policy>;

/**
 * Console-wide, so only for an admin who holds every tenant. Staff already
 * signed in keep their session; the requirement applies at their next
 * password sign-in, when anyone it covers without a factor must enrol.
 */
export async function saveSecondFactorPolicyBody(input: z.output<typeof Policy>, ctx: ActionContext) {
  const roles =
    input.scope === "roles" ? [...new Set(input.roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)) : [];
  const before = await loadSecondFactorPolicy(ctx.db);
  await ctx.db.secondFactorPolicy.upsert({
    where: { id: 1 },
    create: { id: 1, scope: input.scope, roles, updatedBy: ctx.staff.id },
    update: { scope: input.scope, roles, updatedBy: ctx.staff.id },
  });
  ctx.audit.targets = [{ type: "setting", id: "second_factor_policy" }];
  ctx.audit.before = before;
  ctx.audit.after = { scope: input.scope, roles };
  return { scope: input.scope, roles };
}
