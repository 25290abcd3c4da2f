"use server";
import { headers } from "next/headers";
import type { z } from "zod";
import { action } from "../actions/action";
import type { ActionContext, ActionDef } from "../actions/run-action";
import { requestMeta } from "../auth/session";
import { db } from "../db";
import * as own from "./own-factors";
import type { FactorEnv } from "./reauth";
import { relyingParty } from "./relying-party";

async function env(): Promise<FactorEnv> {
  const h = await headers();
  return { meta: await requestMeta(), attempts: db(), rp: () => relyingParty(h) };
}

const withEnv = <S extends z.ZodType, T>(
  def: ActionDef<S>,
  body: (input: z.output<S>, ctx: ActionContext, env: FactorEnv) => Promise<T>,
) => action(def, async (input, ctx) => body(input, ctx, await env()));

export const startTotp = withEnv(own.startTotpDef, own.startTotpBody);
export const confirmTotp = withEnv(own.confirmTotpDef, own.confirmTotpBody);
export const removeTotp = withEnv(own.removeTotpDef, own.removeTotpBody);
export const regenerateRecoveryCodes = withEnv(own.regenerateCodesDef, own.regenerateCodesBody);
export const passkeyOptions = withEnv(own.passkeyOptionsDef, own.passkeyOptionsBody);
export const addPasskey = withEnv(own.addPasskeyDef, own.addPasskeyBody);
export const renameOwnPasskey = withEnv(own.renamePasskeyDef, own.renamePasskeyBody);
export const removeOwnPasskey = withEnv(own.removePasskeyDef, own.removePasskeyBody);
