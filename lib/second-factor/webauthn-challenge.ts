import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

type Client = Db | Prisma.TransactionClient;
export type Ceremony = "register" | "authenticate";

/** How long a browser has to answer a passkey prompt (also the timeout the options ask for). */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * The challenge is kept in Postgres (any app instance may receive the
 * answer), one per staff user and ceremony: asking again replaces it.
 */
export async function storeChallenge(
  db: Client,
  staffId: string,
  purpose: Ceremony,
  challenge: string,
  now = Date.now(),
): Promise<void> {
  const expiresAt = new Date(now + CHALLENGE_TTL_MS);
  await db.staffWebauthnChallenge.upsert({
    where: { staffId_purpose: { staffId, purpose } },
    create: { staffId, purpose, challenge, expiresAt },
    update: { challenge, expiresAt },
  });
}

/** Takes the outstanding challenge, once: an answer can be checked against it a single time. */
export async function takeChallenge(
  db: Client,
  staffId: string,
  purpose: Ceremony,
  now = Date.now(),
): Promise<string | null> {
  const row = await db.staffWebauthnChallenge.findUnique({ where: { staffId_purpose: { staffId, purpose } } });
  if (!row) return null;
  const { count } = await db.staffWebauthnChallenge.deleteMany({
    where: { staffId, purpose, challenge: row.challenge },
  });
  return count === 1 && row.expiresAt.getTime() > now ? row.challenge : null;
}
