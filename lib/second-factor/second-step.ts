import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { recordAudit } from "../audit/record";
import { throttledGuess } from "../auth/throttle";
import { recordSignedIn, type SignedInStaff } from "../auth/verify-sign-in";
import type { Db } from "../db/client";
import { spendPasskey } from "./passkeys";
import { spendRecoveryCode } from "./recovery-codes";
import type { RelyingParty } from "./relying-party";
import { spendTotp } from "./totp-factor";

export type SecondFactorAnswer =
  | { method: "totp"; code: string }
  | { method: "recovery_code"; code: string }
  | { method: "passkey"; response: AuthenticationResponseJSON; rp: RelyingParty };

export type SecondStepResult =
  | { ok: true; staff: SignedInStaff; method: string }
  /** expired: the password step no longer stands (the account was disabled, reset or signed out since). */
  | { ok: false; reason: "invalid" | "throttled" | "expired"; retryAfterSeconds?: number };

const TOTP_REFUSALS = {
  malformed: "not a six-digit code",
  wrong: "wrong code",
  replayed: "code already used",
  none: "no authenticator app is set up",
} as const;

/** Why the answer is refused, or null when it is right (and now spent: a code or challenge works once). */
async function refusal(db: Db, staffId: string, answer: SecondFactorAnswer, now: Date): Promise<string | null> {
  if (answer.method === "totp") {
    const result = await spendTotp(db, staffId, answer.code, now.getTime());
    return result === "ok" ? null : TOTP_REFUSALS[result];
  }
  if (answer.method === "recovery_code")
    return (await spendRecoveryCode(db, staffId, answer.code, now)) ? null : "wrong or already used recovery code";
  const result = await spendPasskey(db, staffId, answer.response, answer.rp, now);
  return result.ok ? null : result.reason;
}

/**
 * The second step of a password sign-in, after lib/auth/verify-sign-in.ts
 * accepted the password. Guesses are throttled with the password's own
 * counters (lib/auth/throttle.ts): a wrong code counts as a failed sign-in
 * for the account and the address, so five wrong codes lock the account for
 * the window just as five wrong passwords do. Every refusal is audited as
 * staff.second_factor_failed; a success is the sign-in.
 */
export async function verifySecondFactor(
  db: Db,
  input: {
    staffId: string;
    sessionVersion: number;
    answer: SecondFactorAnswer;
    ip: string;
    userAgent: string | null;
    now?: Date;
  },
): Promise<SecondStepResult> {
  const meta = { ip: input.ip, userAgent: input.userAgent };
  const now = input.now ?? new Date();
  const method = input.answer.method;
  const staff = await db.staffUser.findUnique({ where: { id: input.staffId } });
  const targets = [{ type: "staff_user", id: input.staffId, ...(staff ? { label: staff.email } : {}) }];
  const fail = (outcome: "failure" | "denied", reason: string) =>
    recordAudit(db, {
      action: "staff.second_factor_failed",
      actor: null,
      ...meta,
      targets,
      outcome,
      reason,
      after: { method },
    });

  if (!staff || staff.disabled || staff.sessionVersion !== input.sessionVersion) {
    await fail("failure", "the password step no longer stands: the account was disabled, reset or signed out since");
    return { ok: false, reason: "expired" };
  }
  const guess = await throttledGuess(db, { email: staff.email, ip: input.ip, now }, async (tx) => {
    const refused = await refusal(tx, staff.id, input.answer, now);
    return { ok: refused === null, result: refused };
  });
  if (guess.throttled) {
    const throttle = guess.throttled;
    await fail(
      "denied",
      `throttled: too many failed sign-ins for this ${throttle.scope === "ip" ? "address" : "account"}; ` +
        `retry in ${throttle.retryAfterSeconds}s`,
    );
    return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  }
  if (guess.result) {
    await fail("failure", guess.result);
    return { ok: false, reason: "invalid" };
  }
  const signedIn = { id: staff.id, email: staff.email, name: staff.name, sessionVersion: staff.sessionVersion };
  const actor = { id: staff.id, email: staff.email, name: staff.name };
  if (method === "recovery_code") {
    const remaining = await db.staffRecoveryCode.count({ where: { staffId: staff.id, usedAt: null } });
    await recordAudit(db, {
      action: "staff.recovery_code.used",
      actor,
      ...meta,
      targets,
      outcome: "success",
      after: { remaining },
    });
  }
  await recordSignedIn(db, signedIn, meta, `password+${method}`);
  return { ok: true, staff: signedIn, method };
}
