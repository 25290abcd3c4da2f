import { recordAudit } from "../audit/record";
import { verifyPassword } from "../crypto/password";
import type { Db } from "../db/client";
import { stepFor } from "../second-factor/factors";
import { throttledGuess } from "./throttle";

export interface SignedInStaff {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

export type SignInResult =
  /** next: what must come before a session (lib/second-factor/policy.ts stepAfterPassword). */
  | { ok: true; staff: SignedInStaff; next: "none" | "second_factor" | "enrol" }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * Password sign-in with throttling and audit. Every refusal tells the caller
 * only "invalid" or "throttled", never whether the account exists. A right
 * password is a sign-in only for an account that needs no second factor;
 * otherwise it is recorded as such and the caller asks for the factor.
 */
export async function verifySignIn(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const meta = { ip: input.ip, userAgent: input.userAgent };
  const target = [{ type: "staff_user", id: email }];

  const guess = await throttledGuess(db, { email, ip: input.ip }, async (tx) => {
    const staff = await tx.staffUser.findUnique({ where: { email } });
    const passwordOk = await verifyPassword(input.password, staff?.passwordHash ?? null);
    return { ok: Boolean(staff && passwordOk && !staff.disabled), result: { staff, passwordOk } };
  });
  if (guess.throttled) {
    const throttle = guess.throttled;
    await recordAudit(db, {
      action: "staff.sign_in_failed",
      actor: null,
      ...meta,
      targets: target,
      outcome: "denied",
      reason:
        `throttled: too many failed sign-ins for this ${throttle.scope === "ip" ? "address" : "account"}; ` +
        `retry in ${throttle.retryAfterSeconds}s`,
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const { staff } = guess.result;
  if (!guess.ok || !staff) {
    await recordAudit(db, {
      action: "staff.sign_in_failed",
      actor: null,
      ...meta,
      targets: target,
      outcome: "failure",
      reason: !staff ? "unknown account" : staff.disabled ? "account disabled" : "wrong password",
    });
    return { ok: false, reason: "invalid" };
  }

  const signedIn = { id: staff.id, email: staff.email, name: staff.name, sessionVersion: staff.sessionVersion };
  const next = await stepFor(db, staff);
  if (next === "none") {
    await recordSignedIn(db, signedIn, meta, "password");
  } else {
    await recordAudit(db, {
      action: "staff.password_verified",
      actor: null,
      ...meta,
      outcome: "success",
      targets: [{ type: "staff_user", id: staff.id, label: staff.email }],
      after: { next },
    });
  }
  return { ok: true, staff: signedIn, next };
}

/** The end of every password sign-in (with or without a second factor): the audit event and the last sign-in time. */
export async function recordSignedIn(
  db: Db,
  staff: SignedInStaff,
  meta: { ip: string; userAgent: string | null },
  method: string,
): Promise<void> {
  await db.staffUser.update({ where: { id: staff.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, {
    action: "staff.signed_in",
    actor: { id: staff.id, email: staff.email, name: staff.name },
    ...meta,
    targets: [{ type: "staff_user", id: staff.id, label: staff.email }],
    outcome: "success",
    after: { method },
  });
}
