import { z } from "zod";
import { ActionDenied, ActionError } from "../actions/result";
import type { ActionContext, ActionDef } from "../actions/run-action";
import { ROLES, roleAtLeast } from "../auth/permissions";
import { manageRefusal } from "../staff/reach";
import { newSecret, secretHash, tokenText } from "./token";

const MAX_DAYS = 366;

const CreateInput = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(100),
  role: z.enum(ROLES),
  tenantIds: z.array(z.string().min(1).max(100)).min(1, "Choose at least one tenant").max(10_000),
  expiresInDays: z.coerce.number().int().min(1).max(MAX_DAYS, `At most ${MAX_DAYS} days`),
});

export const createApiTokenDef: ActionDef<typeof CreateInput> = {
  name: "api_token.created",
  perm: "api_tokens.manage",
  tenant: "global",
  input: CreateInput,
};

/**
 * Creates an API token, no more than its creator: a role up to theirs and tenants among theirs. The secret is
 * returned once and stored only as a hash; the audit event names the token, never its secret.
 */
export async function createApiTokenBody(input: z.output<typeof CreateInput>, ctx: ActionContext) {
  const tenantIds = [...new Set(input.tenantIds)].sort();
  const outside = tenantIds.filter((t) => !ctx.staff.tenantIds.includes(t));
  if (outside.length)
    throw new ActionDenied("You may not give a token tenants you do not have.", `grants ${outside.length} tenant(s)`);
  if (!roleAtLeast(ctx.staff.role, input.role))
    throw new ActionDenied("You may not give a token a role above your own.", `grants the role ${input.role}`);
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const token = await ctx.db.apiToken.create({
    data: {
      name: input.name,
      ownerId: ctx.staff.id,
      role: input.role,
      secretHash: secretHash(secret),
      expiresAt,
      tenants: { create: tenantIds.map((tenantId) => ({ tenantId })) },
    },
  });
  ctx.audit.targets = [{ type: "api_token", id: token.id, label: token.name }];
  ctx.audit.after = { name: token.name, role: token.role, tenantIds, expiresAt: expiresAt.toISOString() };
  return { id: token.id, token: tokenText(token.id, secret), expiresAt: expiresAt.toISOString() };
}

const RevokeInput = z.object({ tokenId: z.string().trim().min(1).max(100) });

export const revokeApiTokenDef: ActionDef<typeof RevokeInput> = {
  name: "api_token.revoked",
  perm: "api_tokens.manage",
  tenant: "global",
  input: RevokeInput,
  describe: (i) => ({ targets: [{ type: "api_token", id: i.tokenId }] }),
};

/** Revokes a token at once: its owner may, and an admin who could manage an account with the token's reach. */
export async function revokeApiTokenBody({ tokenId }: z.output<typeof RevokeInput>, ctx: ActionContext) {
  const token = await ctx.db.apiToken.findUnique({ where: { id: tokenId }, include: { tenants: true } });
  const refusal = !token
    ? "no such token"
    : token.ownerId === ctx.staff.id
      ? null
      : manageRefusal(ctx.staff, { role: token.role, tenantIds: token.tenants.map((t) => t.tenantId) });
  if (!token || refusal) throw new ActionDenied("Not found.", refusal ?? "no such token");
  if (token.revokedAt) throw new ActionError("This token is already revoked.");
  const revokedAt = new Date();
  await ctx.db.apiToken.update({ where: { id: tokenId }, data: { revokedAt, revokedById: ctx.staff.id } });
  ctx.audit.targets = [{ type: "api_token", id: token.id, label: token.name }];
  ctx.audit.before = { revokedAt: null };
  ctx.audit.after = { revokedAt: revokedAt.toISOString() };
  return { id: token.id };
}
