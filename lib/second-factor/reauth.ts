import { ActionError } from "../actions/result";
import type { ActionContext } from "../actions/run-action";
import { throttledGuess } from "../auth/throttle";
import { verifyPassword } from "../crypto/password";
import type { Db } from "../db/client";
import type { RelyingParty } from "./relying-party";

/** What the settings actions need beside the wrapper's context. */
export interface FactorEnv {
  meta: { ip: string; userAgent: string | null };
  /** The database outside the action's transaction: a failed password must stay counted when the action rolls back. */
  attempts: Db;
  rp: () => RelyingParty;
}

/**
 * Changing how one signs in asks for the password again (ASVS 3.7.1): a
 * session left open on a shared screen must not be enough to add someone
 * else's passkey or to read fresh recovery codes. Wrong passwords count
 * toward the same throttle as at sign-in.
 */
export async function confirmOwnPassword(
  ctx: Pick<ActionContext, "staff">,
  password: string,
  env: Pick<FactorEnv, "meta" | "attempts">,
): Promise<void> {
  const guess = await throttledGuess(env.attempts, { email: ctx.staff.email, ip: env.meta.ip }, async (tx) => {
    const me = await tx.staffUser.findUniqueOrThrow({ where: { id: ctx.staff.id }, select: { passwordHash: true } });
    return {
      ok: !!me.passwordHash && (await verifyPassword(password, me.passwordHash)),
      result: { hasPassword: !!me.passwordHash },
    };
  });
  if (guess.throttled)
    throw new ActionError(
      `Too many wrong passwords: try again in ${Math.ceil(guess.throttled.retryAfterSeconds / 60)} minutes.`,
    );
  if (!guess.result.hasPassword)
    throw new ActionError(
      "Your account has no password: it signs in with single sign-on, whose provider handles the second factor.",
    );
  if (!guess.ok) throw new ActionError("The password is wrong.");
}
