import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { verifyPassword } from "../crypto/password";
import { checkThrottle, recordAttempt } from "./throttle";

export type SignInResult =
  | { ok: true; staff: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * Password sign-in with throttling and audit. Every refusal tells the caller
 * only "invalid" or "throttled", never whether the account exists.
 */
export async function verifySignIn(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const meta = { ip: input.ip, userAgent: input.userAgent };
  const target = [{ type: "staff_user", id: email }];

  const throttle = await checkThrottle(db, email, input.ip);
  if (throttle.throttled) {
    await recordAudit(db, {
      action: "staff.sign_in_failed", actor: null, ...meta, targets: target, outcome: "denied",
      reason: `throttled: too many failed sign-ins for this ${throttle.scope === "ip" ? "address" : "account"}; retry in ${throttle.retryAfterSeconds}s`,
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const staff = await db.staffUser.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(input.password, staff?.passwordHash ?? null);
  if (!staff || !passwordOk || staff.disabled) {
    await recordAttempt(db, email, input.ip, false);
    await recordAudit(db, {
      action: "staff.sign_in_failed", actor: null, ...meta, targets: target, outcome: "failure",
      reason: !staff ? "unknown account" : staff.disabled ? "account disabled" : "wrong password",
    });
    return { ok: false, reason: "invalid" };
  }

  await recordAttempt(db, email, input.ip, true);
  await db.staffUser.update({ where: { id: staff.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, {
    action: "staff.signed_in", actor: { id: staff.id, email: staff.email, name: staff.name }, ...meta,
    targets: [{ type: "staff_user", id: staff.id, label: staff.email }], outcome: "success", after: { method: "password" },
  });
  return { ok: true, staff: { id: staff.id, email: staff.email, name: staff.name, sessionVersion: staff.sessionVersion } };
}
