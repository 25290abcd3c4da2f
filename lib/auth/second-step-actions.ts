"use server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Result } from "../actions/result";
import { db } from "../db";
import { passkeyAuthenticationOptions } from "../second-factor/passkeys";
import { relyingParty } from "../second-factor/relying-party";
import { type SecondFactorAnswer, verifySecondFactor } from "../second-factor/second-step";
import { AuthenticationResponse } from "../second-factor/webauthn-json";
import { clearPendingSignIn, readPendingSignIn } from "./pending-cookie";
import { EXPIRED_SIGN_IN } from "./pending-sign-in";
import { requestMeta } from "./session";
import { startSession } from "./start-session";
import { THROTTLED_MESSAGE } from "./throttle";

// The second step of a password sign-in (see sign-in-actions.ts): outside the
// action wrapper, since there is no session yet; verifySecondFactor throttles
// and audits every answer.

async function pendingSecondStep() {
  const pending = await readPendingSignIn();
  if (pending?.step !== "second_factor") redirect(EXPIRED_SIGN_IN);
  return pending;
}

const WRONG: Record<SecondFactorAnswer["method"], string> = {
  totp: "That code is not right, or it was already used. Enter the code the app shows now.",
  recovery_code: "That recovery code is not right, or it was already used.",
  passkey: "The passkey was not accepted. Try again, or use another way.",
};

/** A refusal names the way it was answered, so the page shows it beside that way only. */
type StepState = { error?: string; method?: SecondFactorAnswer["method"] };

async function answer(
  pending: Awaited<ReturnType<typeof pendingSecondStep>>,
  given: SecondFactorAnswer,
): Promise<StepState> {
  const result = await verifySecondFactor(db(), {
    staffId: pending.staffId,
    sessionVersion: pending.sessionVersion,
    answer: given,
    ...(await requestMeta()),
  });
  if (result.ok) {
    await startSession(result.staff, `password+${result.method}`, pending.next);
    return {};
  }
  if (result.reason === "expired") {
    await clearPendingSignIn();
    redirect(EXPIRED_SIGN_IN);
  }
  return { error: result.reason === "throttled" ? THROTTLED_MESSAGE : WRONG[given.method], method: given.method };
}

/** A code from the authenticator app, or a recovery code (form field `method`). */
export async function submitSecondFactorCode(_prev: StepState | undefined, form: FormData): Promise<StepState> {
  const pending = await pendingSecondStep();
  const code = String(form.get("code") ?? "").slice(0, 64);
  return answer(pending, { method: form.get("method") === "recovery_code" ? "recovery_code" : "totp", code });
}

export async function passkeySignInOptions(): Promise<Result<PublicKeyCredentialRequestOptionsJSON>> {
  const pending = await pendingSecondStep();
  const options = await passkeyAuthenticationOptions(db(), pending.staffId, relyingParty(await headers()));
  return options ? { ok: true, data: options } : { ok: false, error: "This account has no passkey." };
}

export async function submitPasskeyAnswer(response: unknown): Promise<StepState> {
  const pending = await pendingSecondStep();
  const parsed = AuthenticationResponse.safeParse(response);
  if (!parsed.success) return { error: WRONG.passkey };
  return answer(pending, { method: "passkey", response: parsed.data, rp: relyingParty(await headers()) });
}

/** Back to the password: the pending state ends. */
export async function cancelSignIn(): Promise<void> {
  await clearPendingSignIn();
  redirect("/login");
}
