import { z } from "zod";
import { ActionError } from "../actions/result";
import type { ActionContext, ActionDef } from "../actions/run-action";
import { assertFactorLeftIfRequired, countFactors } from "./factors";
import { CurrentPassword, PasskeyName, TypedCode } from "./inputs";
import { passkeyRegistrationOptions, registerPasskey, removePasskey, renamePasskey } from "./passkeys";
import { confirmOwnPassword, type FactorEnv } from "./reauth";
import { issueRecoveryCodes } from "./recovery-codes";
import { confirmTotpEnrolment, startTotpEnrolment } from "./totp-factor";
import { RegistrationResponse } from "./webauthn-json";

// A staff user's own second factors, from Settings → Security: each a
// definition for the action wrapper and a body taking the wrapper's context
// and FactorEnv (request address, the database outside the transaction, the
// relying party), wrapped in own-factor-actions.ts.

const self = (ctx: ActionContext) => [{ type: "staff_user", id: ctx.staff.id, label: ctx.staff.email }];
const WithPassword = z.object({ password: CurrentPassword });
type Body<S extends z.ZodType, T> = (input: z.output<S>, ctx: ActionContext, env: FactorEnv) => Promise<T>;

export const startTotpDef = {
  name: "staff.totp.enrolment_started",
  perm: "profile.update",
  tenant: "global",
  input: WithPassword,
} satisfies ActionDef<typeof WithPassword>;
export const startTotpBody: Body<typeof WithPassword, Awaited<ReturnType<typeof startTotpEnrolment>>> = async (
  { password },
  ctx,
  env,
) => {
  ctx.audit.targets = self(ctx);
  await confirmOwnPassword(ctx, password, env);
  return startTotpEnrolment(ctx.db, ctx.staff);
};

const Code = z.object({ code: TypedCode });
export const confirmTotpDef = {
  name: "staff.totp.enrolled",
  perm: "profile.update",
  tenant: "global",
  input: Code,
} satisfies ActionDef<typeof Code>;
export const confirmTotpBody: Body<typeof Code, { recoveryCodes: string[] | null }> = async ({ code }, ctx) => {
  ctx.audit.targets = self(ctx);
  const { recoveryCodes } = await confirmTotpEnrolment(ctx.db, ctx.staff.id, code);
  ctx.audit.after = { recoveryCodes: recoveryCodes?.length ?? 0 };
  return { recoveryCodes };
};

export const removeTotpDef = {
  name: "staff.totp.removed",
  perm: "profile.update",
  tenant: "global",
  input: WithPassword,
} satisfies ActionDef<typeof WithPassword>;
export const removeTotpBody: Body<typeof WithPassword, null> = async ({ password }, ctx, env) => {
  ctx.audit.targets = self(ctx);
  await confirmOwnPassword(ctx, password, env);
  const { count } = await ctx.db.staffTotp.deleteMany({ where: { staffId: ctx.staff.id, confirmedAt: { not: null } } });
  if (count === 0) throw new ActionError("No authenticator app is set up.");
  await assertFactorLeftIfRequired(ctx.db, ctx.staff);
  return null;
};

export const regenerateCodesDef = {
  name: "staff.recovery_codes.regenerated",
  perm: "profile.update",
  tenant: "global",
  input: WithPassword,
} satisfies ActionDef<typeof WithPassword>;
export const regenerateCodesBody: Body<typeof WithPassword, { recoveryCodes: string[] }> = async (
  { password },
  ctx,
  env,
) => {
  ctx.audit.targets = self(ctx);
  await confirmOwnPassword(ctx, password, env);
  if ((await countFactors(ctx.db, ctx.staff.id)) === 0)
    throw new ActionError("Set up an authenticator app or a passkey first: recovery codes stand in for one.");
  const recoveryCodes = await issueRecoveryCodes(ctx.db, ctx.staff.id);
  ctx.audit.after = { recoveryCodes: recoveryCodes.length };
  return { recoveryCodes };
};

export const passkeyOptionsDef = {
  name: "staff.passkey.registration_started",
  perm: "profile.update",
  tenant: "global",
  input: WithPassword,
} satisfies ActionDef<typeof WithPassword>;
export const passkeyOptionsBody: Body<
  typeof WithPassword,
  Awaited<ReturnType<typeof passkeyRegistrationOptions>>
> = async ({ password }, ctx, env) => {
  ctx.audit.targets = self(ctx);
  await confirmOwnPassword(ctx, password, env);
  return passkeyRegistrationOptions(ctx.db, ctx.staff, env.rp());
};

// No password here: the registration challenge was only issued after it (passkeyOptions).
const AddPasskey = z.object({ name: PasskeyName, response: RegistrationResponse });
export const addPasskeyDef = {
  name: "staff.passkey.added",
  perm: "profile.update",
  tenant: "global",
  input: AddPasskey,
} satisfies ActionDef<typeof AddPasskey>;
export const addPasskeyBody: Body<typeof AddPasskey, { recoveryCodes: string[] | null }> = async (input, ctx, env) => {
  ctx.audit.targets = self(ctx);
  const { passkey, recoveryCodes } = await registerPasskey(ctx.db, ctx.staff.id, input, env.rp());
  ctx.audit.after = { passkeyId: passkey.id, name: passkey.name, recoveryCodes: recoveryCodes?.length ?? 0 };
  return { recoveryCodes };
};

const Rename = z.object({ passkeyId: z.string().min(1), name: PasskeyName });
export const renamePasskeyDef = {
  name: "staff.passkey.renamed",
  perm: "profile.update",
  tenant: "global",
  input: Rename,
} satisfies ActionDef<typeof Rename>;
export const renamePasskeyBody: Body<typeof Rename, null> = async ({ passkeyId, name }, ctx) => {
  ctx.audit.targets = self(ctx);
  const { before } = await renamePasskey(ctx.db, ctx.staff.id, passkeyId, name);
  ctx.audit.before = { passkeyId, name: before };
  ctx.audit.after = { passkeyId, name };
  return null;
};

const Remove = z.object({ passkeyId: z.string().min(1), password: CurrentPassword });
export const removePasskeyDef = {
  name: "staff.passkey.removed",
  perm: "profile.update",
  tenant: "global",
  input: Remove,
} satisfies ActionDef<typeof Remove>;
export const removePasskeyBody: Body<typeof Remove, null> = async ({ passkeyId, password }, ctx, env) => {
  ctx.audit.targets = self(ctx);
  await confirmOwnPassword(ctx, password, env);
  const { name } = await removePasskey(ctx.db, ctx.staff.id, passkeyId);
  ctx.audit.before = { passkeyId, name };
  await assertFactorLeftIfRequired(ctx.db, ctx.staff);
  return null;
};
