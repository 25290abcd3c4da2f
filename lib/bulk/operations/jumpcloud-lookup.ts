import type { Db } from "../../db/client";
import { normEmail } from "../../sync/target";

// Lookups shared by the JumpCloud operations' sheets: people by email from the
// cache (what the operator saw when planning).

export type CachedUser = Awaited<ReturnType<Db["jumpcloudUser"]["findMany"]>>[number];

/** Cached users (not deleted) per email, case-insensitive: a function answering the matches of one email. */
export async function usersByEmail(
  db: Db,
  tenantId: string,
  emails: string[],
): Promise<(email: string) => CachedUser[]> {
  const users = await db.jumpcloudUser.findMany({
    where: { tenantId, deletedAt: null, emailNorm: { in: [...new Set(emails.map(normEmail))] } },
  });
  const by = new Map<string, CachedUser[]>();
  for (const u of users) by.set(u.emailNorm, [...(by.get(u.emailNorm) ?? []), u]);
  return (email) => by.get(normEmail(email)) ?? [];
}

/** The plan's refusal for an email that names no one, or more than one user. */
export function userProblem(email: string, found: CachedUser[]): string | null {
  if (!found.length) return `Unknown user: ${email} is not a JumpCloud user of this tenant (as of the last sync).`;
  if (found.length > 1) return `Ambiguous email: ${found.length} JumpCloud users have ${email}.`;
  return null;
}
