import type { Db } from "../db/client";

// Failed sign-ins are counted in Postgres (shared by every app instance) over
// a sliding window: per account, to stop guessing one password; per address,
// to stop spraying many accounts from one place.
export const THROTTLE = {
  windowMs: Number(process.env.CONSOLE_SIGNIN_WINDOW_SECONDS ?? 900) * 1000,
  perAccount: Number(process.env.CONSOLE_SIGNIN_MAX_PER_ACCOUNT ?? 5),
  perIp: Number(process.env.CONSOLE_SIGNIN_MAX_PER_IP ?? 30),
};

/** What a throttled person is told, at either step of a sign-in. */
export const THROTTLED_MESSAGE = "Too many failed sign-ins. Wait a few minutes before trying again.";

export type ThrottleVerdict = { throttled: false } | { throttled: true; scope: "account" | "ip"; retryAfterSeconds: number };

export async function checkThrottle(db: Db, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const failures = (where: { email: string } | { ip: string }) =>
    db.signInAttempt.findMany({
      where: { ...where, success: false, at: { gte: since } },
      orderBy: { at: "desc" },
      take: Math.max(THROTTLE.perAccount, THROTTLE.perIp),
      select: { at: true },
    });
  const [byAccount, byIp] = await Promise.all([failures({ email }), failures({ ip })]);
  const verdict = (rows: { at: Date }[], limit: number, scope: "account" | "ip"): ThrottleVerdict | null => {
    if (rows.length < limit) return null;
    // Free again when the oldest of the last `limit` failures leaves the window.
    const oldest = rows[limit - 1].at.getTime();
    return { throttled: true, scope, retryAfterSeconds: Math.max(1, Math.ceil((oldest + THROTTLE.windowMs - now.getTime()) / 1000)) };
  };
  return verdict(byAccount, THROTTLE.perAccount, "account") ?? verdict(byIp, THROTTLE.perIp, "ip") ?? { throttled: false };
}

export async function recordAttempt(db: Db, email: string, ip: string, success: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip, success } });
}
