import type { Db } from "../../db/client";
import { normEmail } from "../../sync/target";

// People by email from the cache (what the operator saw when planning),
// shared by the Twingate bulk operations.

export interface CachedTwingateUser {
  vendorId: string;
  emailNorm: string;
  state: string;
  role: string | null;
}

/** Cached users (not deleted) per email, case-insensitive: a function answering the matches of one email. */
export async function twingateUsersByEmail(
  db: Db,
  tenantId: string,
  emails: string[],
): Promise<(email: string) => CachedTwingateUser[]> {
  const users = await db.twingateUser.findMany({
    where: { tenantId, deletedAt: null, emailNorm: { in: [...new Set(emails.map(normEmail))] } },
    select: { vendorId: true, emailNorm: true, state: true, role: true },
  });
  const by = new Map<string, CachedTwingateUser[]>();
  for (const u of users) by.set(u.emailNorm, [...(by.get(u.emailNorm) ?? []), u]);
  return (email) => by.get(normEmail(email)) ?? [];
}

/** The plan's refusal for an email that names no one, or more than one user. */
export function twingateUserProblem(email: string, found: unknown[]): string | null {
  if (!found.length) return `Unknown user: ${email} is not a Twingate user of this tenant (as of the last sync).`;
  if (found.length > 1) return `Ambiguous email: ${found.length} Twingate users have ${email}.`;
  return null;
}
