import type { Db } from "../../db/client";
import { normEmail } from "../../sync/target";

// How a sheet's row names a TruU user: by UPN, email or AD GUID. Users
// already deleted stay in the cache (marked deleted), so a repeated file can
// say "already deleted".

const lc = (s: string) => s.toLowerCase();

/** The cached users each name matches, live and already deleted. */
export async function usersNamed(db: Db, tenantId: string, names: string[]) {
  const byName = names.filter((n) => n.includes("@")).map(normEmail);
  const byGuid = names.filter((n) => !n.includes("@"));
  const users = await db.truuUser.findMany({
    where: {
      tenantId,
      OR: [
        { emailNorm: { in: byName } },
        { upn: { in: byName, mode: "insensitive" } },
        { email: { in: byName, mode: "insensitive" } },
        { vendorId: { in: byGuid, mode: "insensitive" } },
      ],
    },
    select: { vendorId: true, upn: true, email: true, emailNorm: true, displayName: true, deletedAt: true },
  });
  return (name: string) => {
    const v = lc(name);
    const exact = users.filter((u) => u.vendorId === name);
    const matches = name.includes("@")
      ? users.filter((u) => u.emailNorm === v || lc(u.upn) === v || lc(u.email ?? "") === v)
      : // TruU's path is case-sensitive: the exact GUID wins over a case-insensitive match.
        exact.length
        ? exact
        : users.filter((u) => lc(u.vendorId) === v);
    return { live: matches.filter((u) => !u.deletedAt), deleted: matches.filter((u) => u.deletedAt) };
  };
}
