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

export type ThrottleVerdict =
  | { throttled: false }
  | { throttled: true; scope: "account" | "ip"; retryAfterSeconds: number };

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
    // Free again when the oldest of the last `limit` failures leaves the window.
    const oldest = rows[limit - 1]?.at.getTime();
    if (oldest === undefined) return null;
    return {
      throttled: true,
      scope,
      retryAfterSeconds: Math.max(1, Math.ceil((oldest + THROTTLE.windowMs - now.getTime()) / 1000)),
    };
  };
  return (
    verdict(byAccount, THROTTLE.perAccount, "account") ?? verdict(byIp, THROTTLE.perIp, "ip") ?? { throttled: false }
  );
}

export async function recordAttempt(db: Db, email: string, ip: string, success: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip, success } });
}

/**
 * Serialises the guesses at one account, so a burst of parallel ones cannot all pass the count before any is
 * recorded.
 */
const GUESS_LOCK = 4_201_780;

/**
 * One guess at an account's password or second factor: the throttle is
 * checked, the guess judged and its outcome counted in one transaction under
 * a lock on the account, so N guesses sent at once are judged one after
 * another against a count that includes the ones before.
 */
export async function throttledGuess<R>(
  db: Db,
  who: { email: string; ip: string; now?: Date },
  judge: (tx: Db) => Promise<{ ok: boolean; result: R }>,
): Promise<{ throttled: Extract<ThrottleVerdict, { throttled: true }> } | { throttled: null; ok: boolean; result: R }> {
  return db.$transaction(
    async (prismaTx) => {
      const tx = prismaTx as unknown as Db;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${GUESS_LOCK}::int, hashtext(${who.email}))`;
      const verdict = await checkThrottle(tx, who.email, who.ip, who.now);
      if (verdict.throttled) return { throttled: verdict };
      const { ok, result } = await judge(tx);
      await recordAttempt(tx, who.email, who.ip, ok);
      return { throttled: null, ok, result };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}
