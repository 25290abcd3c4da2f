import type { Db } from "../db/client";

/**
 * Every address of each given person (case, domain aliases and the addresses vendors know them by, as the people
 * index links them), keyed by the normalised address given. An address the index does not know stands for itself.
 */
export async function addressesOf(db: Db, tenantId: string, given: string[]): Promise<Map<string, Set<string>>> {
  const linked = await db.personKey.findMany({
    where: { tenantId, key: { in: given } },
    select: { key: true, personId: true },
  });
  const siblings = linked.length
    ? await db.personKey.findMany({
        where: { tenantId, personId: { in: linked.map((k) => k.personId) } },
        select: { key: true, personId: true },
      })
    : [];
  return new Map(
    given.map((e) => {
      const personId = linked.find((k) => k.key === e)?.personId;
      return [e, new Set([e, ...siblings.filter((k) => k.personId === personId).map((k) => k.key)])];
    }),
  );
}
