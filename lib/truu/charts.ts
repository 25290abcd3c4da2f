import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";

export const STALE_CHART_DAYS = 30;
const DAY = 86_400_000;

/** Last-heard buckets, newest first: upper bound in days (null: never heard). */
export const LAST_HEARD_BUCKETS = [
  { label: "< 1 day", maxDays: 1 },
  { label: "1–7 days", maxDays: 7 },
  { label: "7–30 days", maxDays: 30 },
  { label: "30–90 days", maxDays: 90 },
  { label: "90–365 days", maxDays: 365 },
  { label: "> 1 year", maxDays: Infinity },
  { label: "never", maxDays: null },
] as const;

export interface TruuCharts {
  total: number;
  byType: { label: string; value: number }[];
  byAssurance: { level: number | null; value: number }[];
  lastHeard: { label: string; value: number }[];
  /** Stale devices at the end of each successful TruU sync, oldest first. */
  staleBySync: { at: string; stale: number; total: number }[];
}

/**
 * The overview's figures for a tenant's live devices: three grouped counts in one scan, and the stale count per
 * recent sync.
 */
export async function truuCharts(db: Db, tenantId: string, now = new Date()): Promise<TruuCharts> {
  const cuts = LAST_HEARD_BUCKETS.filter((b) => b.maxDays !== null && b.maxDays !== Infinity).map(
    (b) => new Date(now.getTime() - (b.maxDays as number) * DAY),
  );
  const bucketSql = Prisma.sql`CASE WHEN "lastHeardFrom" IS NULL THEN ${LAST_HEARD_BUCKETS.length - 1}
    ${Prisma.join(
      cuts.map((c, i) => Prisma.sql`WHEN "lastHeardFrom" >= ${c} THEN ${i}`),
      " ",
    )}
    ELSE ${cuts.length} END`;
  const [groups, runs] = await Promise.all([
    db.$queryRaw<{ type: string | null; level: number | null; bucket: number; n: number }[]>`
      SELECT "type", "assuranceLevel" AS level, (${bucketSql})::int AS bucket, count(*)::int AS n
      FROM "TruuDevice" WHERE "tenantId" = ${tenantId} AND "deletedAt" IS NULL
      GROUP BY 1, 2, 3`,
    db.syncRun.findMany({
      where: { tenantId, vendor: "truu", status: "succeeded", finishedAt: { not: null } },
      orderBy: { finishedAt: "desc" },
      take: 20,
      select: { finishedAt: true },
    }),
  ]);
  const sum = (key: (g: (typeof groups)[number]) => string) => {
    const m = new Map<string, number>();
    for (const g of groups) m.set(key(g), (m.get(key(g)) ?? 0) + g.n);
    return m;
  };
  const types = sum((g) => g.type ?? "(none)");
  const levels = sum((g) => String(g.level));
  const buckets = sum((g) => String(g.bucket));
  const ats = runs.map((r) => r.finishedAt!).reverse();
  let staleBySync: TruuCharts["staleBySync"] = [];
  if (ats.length) {
    // The cache keeps only each device's latest check-in, so this is a reconstruction: a device heard from since
    // then counts as not stale then.
    const rows = await db.$queryRaw<{ i: number; stale: number; total: number }[]>`
      SELECT r.i::int AS i,
        count(*) FILTER (WHERE d."lastHeardFrom" IS NULL
          OR d."lastHeardFrom" < r.at - make_interval(days => ${STALE_CHART_DAYS}))::int AS stale,
        count(*)::int AS total
      FROM unnest(${ats}::timestamp[]) WITH ORDINALITY AS r(at, i)
      JOIN "TruuDevice" d ON d."tenantId" = ${tenantId}
        AND (d."createdAtVendor" IS NULL OR d."createdAtVendor" <= r.at)
        AND (d."deletedAt" IS NULL OR d."deletedAt" > r.at)
      GROUP BY r.i ORDER BY r.i`;
    const byI = new Map(rows.map((r) => [r.i, r]));
    staleBySync = ats.map((at, k) => ({
      at: at.toISOString(),
      stale: byI.get(k + 1)?.stale ?? 0,
      total: byI.get(k + 1)?.total ?? 0,
    }));
  }
  return {
    total: groups.reduce((a, g) => a + g.n, 0),
    byType: [...types].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value),
    byAssurance: [500, 300, 100, null]
      .map((level) => ({ level, value: levels.get(String(level)) ?? 0 }))
      .filter((x) => x.level !== null || x.value > 0),
    lastHeard: LAST_HEARD_BUCKETS.map((b, i) => ({ label: b.label, value: buckets.get(String(i)) ?? 0 })),
    staleBySync,
  };
}
