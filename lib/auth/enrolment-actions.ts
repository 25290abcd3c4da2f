"use server";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError, type Result } from "../actions/result";
import { db } from "../db";
import {
  addPasskeyAtSignIn,
  confirmTotpAtSignIn,
  finishSignInAfterEnrolment,
  passkeyOptionsAtSignIn,
  startTotpAtSignIn,
} from "../second-factor/enrol-at-sign-in";
import { PasskeyName } from "../second-factor/inputs";
import { relyingParty } from "../second-factor/relying-party";
import type { TotpEnrolment } from "../second-factor/totp-factor";
import { RegistrationResponse } from "../second-factor/webauthn-json";
import { readPendingSignIn, writePendingSignIn } from "./pending-cookie";
import { EXPIRED_SIGN_IN, type PendingSignIn } from "./pending-sign-in";
import { requestMeta } from "./session";
import { startSession } from "./start-session";

// Enrolment a required second factor demands after the password, before any
// session (see lib/second-factor/enrol-at-sign-in.ts). Outside the action
// wrapper like the other sign-in steps; enrolments are audited there.

async function pendingStep(step: PendingSignIn["step"]): Promise<PendingSignIn> {
  const pending = await readPendingSignIn();
  if (!pending || pending.step !== step) redirect(EXPIRED_SIGN_IN);
  return pending;
}

/** Runs a step and turns an expected refusal into its message; anything else is logged and reported plainly. */
async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (err) {
    if (err instanceof ActionError) return { ok: false, error: err.message };
    console.error("[sign-in enrolment]", err);
    return { ok: false, error: "Setting up the second factor failed unexpectedly. Try again." };
  }
}

export async function startEnrolmentTotp(): Promise<Result<TotpEnrolment>> {
  const pending = await pendingStep("enrol");
  return attempt(() => startTotpAtSignIn(db(), pending));
}

/** Returns the recovery codes to show once; the pending state then says the factor is set up. */
export async function confirmEnrolmentTotp(code: string): Promise<Result<{ recoveryCodes: string[] }>> {
  const pending = await pendingStep("enrol");
  const result = await attempt(async () => ({
    recoveryCodes: await confirmTotpAtSignIn(db(), pending, String(code).slice(0, 64), await requestMeta()),
  }));
  if (result.ok) await writePendingSignIn({ ...pending, step: "enrolled", factor: "totp", enrolledAt: Date.now() });
  return result;
}

export async function enrolmentPasskeyOptions(): Promise<Result<PublicKeyCredentialCreationOptionsJSON>> {
  const pending = await pendingStep("enrol");
  const rp = relyingParty(await headers());
  return attempt(() => passkeyOptionsAtSignIn(db(), pending, rp));
}

const AddPasskey = z.object({ name: PasskeyName, response: RegistrationResponse });

export async function addEnrolmentPasskey(input: unknown): Promise<Result<{ recoveryCodes: string[] }>> {
  const pending = await pendingStep("enrol");
  const parsed = AddPasskey.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues[0]?.message ?? "The passkey's answer is malformed." };
  const rp = relyingParty(await headers());
  const result = await attempt(async () => ({
    recoveryCodes: await addPasskeyAtSignIn(db(), pending, parsed.data, rp, await requestMeta()),
  }));
  if (result.ok) await writePendingSignIn({ ...pending, step: "enrolled", factor: "passkey", enrolledAt: Date.now() });
  return result;
}

/** After the recovery codes were shown: the session, at last. */
export async function finishEnrolment(): Promise<Result<null>> {
  const pending = await pendingStep("enrolled");
  const result = await attempt(async () => finishSignInAfterEnrolment(db(), pending, await requestMeta()));
  if (!result.ok) return result;
  await startSession(result.data, `password+${pending.factor}`, pending.next);
  return { ok: true, data: null };
}
