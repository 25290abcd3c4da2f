/** What linkPeople needs of a connection: a pg.Pool, or a Prisma transaction through viaPrisma. */
export interface Queryable {
  query<R = unknown>(text: string, params: unknown[]): Promise<{ rows: R[] }>;
}

/** Runs linkPeople's statements on a Prisma client or transaction (an admin change re-links in its own transaction). */
export const viaPrisma = (db: {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}): Queryable => ({
  query: async <R>(text: string, params: unknown[]) => ({ rows: await db.$queryRawUnsafe<R[]>(text, ...params) }),
});

// Every typed user table carries emailNorm (lower-cased, trimmed UPN/email);
// a Person is one such address per tenant, whichever vendors know it. Some
// vendors also know a second address for the same user (TruU's email beside
// its UPN, JumpCloud's alternateEmail, kept in the raw user), and a tenant may
// declare equivalent UPN domains. Users whose addresses meet land on ONE
// person: the oldest; the others stay as rows marked mergedIntoId.
const norm = (expr: string) => `NULLIF(lower(trim(${expr})), '')`;
// A person's name is the best any vendor gives, in this order: the directory's
// (JumpCloud), the domain's (TruU's displayName), then Twingate's; TruGrid has none.
const SOURCES = [
  { table: "TrugridUser", name: `NULL`, alt: `NULL`, rank: 4 },
  { table: "TruuUser", name: `NULLIF(trim("displayName"), '')`, alt: norm(`"email"`), rank: 2 },
  { table: "TwingateUser", name: `NULLIF(trim(concat_ws(' ', "firstName", "lastName")), '')`, alt: `NULL`, rank: 3 },
  {
    table: "JumpcloudUser",
    name: `COALESCE(NULLIF(trim("displayname"), ''), NULLIF(trim(concat_ws(' ', "firstname", "lastname")), ''))`,
    alt: norm(`"raw"->>'alternateEmail'`),
    rank: 1,
  },
];

/** The cache tables whose rows are people: a sync that has finished one of them can link people. */
export const PERSON_TABLES: ReadonlySet<string> = new Set(SOURCES.map((s) => s.table));

const users = (withAlt: boolean) =>
  SOURCES.map(
    (s) =>
      `SELECT '${s.table}:' || id AS uid, "emailNorm", ${s.name} AS name, ${s.rank} AS rank` +
      `${withAlt ? `, ${s.alt} AS alt` : ""} ` +
      `FROM "${s.table}" WHERE "tenantId" = $1 AND "deletedAt" IS NULL AND "emailNorm" <> ''`,
  ).join(" UNION ALL ");

/**
 * Each person's name from the best-ranked vendor that names any of its users (matched on the user's address or its
 * alternate, through the person's keys), kept current: a name a vendor changes follows on the next link. A person no
 * vendor names keeps the name it has.
 */
const NAMES = `
  WITH u AS (${users(true)}),
  named AS (
    SELECT k."personId", u.name, u.rank FROM u
    JOIN "PersonKey" k ON k."tenantId" = $1 AND k.key IN (u."emailNorm", u.alt)
    WHERE u.name IS NOT NULL
  ),
  best AS (
    SELECT DISTINCT ON ("personId") "personId", name FROM named ORDER BY "personId", rank, name
  ),
  renamed AS (
    UPDATE "Person" p SET "displayName" = best.name, "updatedAt" = now() FROM best
    WHERE p.id = best."personId" AND p."displayName" IS DISTINCT FROM best.name
    RETURNING 1
  )
  SELECT count(*)::int AS n FROM renamed`;

/** Keys of every live user: its address, its alternate, and the domain-alias form of each. */
const KEYS = `
  WITH u AS (${users(true)}),
  base AS (
    SELECT uid, "emailNorm" AS key FROM u
    UNION SELECT uid, alt FROM u WHERE alt LIKE '%_@_%'
  )
  SELECT uid, key FROM base
  UNION SELECT b.uid, split_part(b.key, '@', 1) || '@' || a.canonical
    FROM base b JOIN "TenantDomainAlias" a ON a."tenantId" = $1 AND a.domain = split_part(b.key, '@', 2)`;

/**
 * Each group of keys (two keys meet when one user holds both), named by its
 * smallest key. A union-find over the key rows: linear, where a recursive
 * CTE over the same graph took minutes on a large tenant.
 */
export function groupKeys(rows: { uid: string; key: string }[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let c = k; c !== r; ) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const firstOf = new Map<string, string>();
  for (const { uid, key } of rows) {
    if (!parent.has(key)) parent.set(key, key);
    const first = firstOf.get(uid);
    if (first === undefined) {
      firstOf.set(uid, key);
      continue;
    }
    const [a, b] = [find(first), find(key)];
    // The smaller key becomes the root, so a group is named by its smallest key.
    if (a !== b) a < b ? parent.set(b, a) : parent.set(a, b);
  }
  return new Map([...parent.keys()].map((k) => [k, find(k)]));
}

/**
 * The person each group belongs to: the oldest person whose own address is in
 * the group (persons made by one sync tie: the first address wins).
 */
const PLAN =
  `
  WITH grp AS (SELECT * FROM unnest($2::text[], $3::text[]) AS g(key, g)),
  owner AS (
    SELECT DISTINCT ON (grp.g) grp.g, p.id
    FROM grp JOIN "Person" p ON p."tenantId" = $1 AND p."emailNorm" = grp.key
    ORDER BY grp.g, p."createdAt", p."emailNorm"
  ),
  -- A person no live user names any more keeps its own address (devices may still name it).
  want AS (
    SELECT grp.key, owner.id AS "personId" FROM grp JOIN owner ON owner.g = grp.g
    UNION ALL
    SELECT p."emailNorm", p.id FROM "Person" p
    WHERE p."tenantId" = $1 AND p."mergedIntoId" IS NULL AND ` +
  `NOT EXISTS (SELECT 1 FROM grp WHERE grp.key = p."emailNorm")
  )`;

/**
 * Creates a Person for every address not linked yet, then links every key to
 * its group's person and marks the other persons of a group merged (or
 * unmerged, when an alias went away). Writes nothing when all is in place.
 */
export async function linkPeople(pool: Queryable, tenantId: string): Promise<number> {
  const created = await pool.query(
    `INSERT INTO "Person" (id, "tenantId", "emailNorm", "displayName", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, "emailNorm", NULL, now(), now()
     FROM (${users(false)}) AS u
     WHERE NOT EXISTS (SELECT 1 FROM "Person" p WHERE p."tenantId" = $1 AND p."emailNorm" = u."emailNorm")
     GROUP BY "emailNorm"
     ON CONFLICT ("tenantId", "emailNorm") DO NOTHING
     RETURNING 1`,
    [tenantId],
  );
  const groups = groupKeys((await pool.query<{ uid: string; key: string }>(KEYS, [tenantId])).rows);
  const linked = await pool.query<{ n: number }>(
    `${PLAN},
     merged AS (
       UPDATE "Person" p SET "mergedIntoId" = NULLIF(w."personId", p.id), "updatedAt" = now()
       FROM want w
       WHERE p."tenantId" = $1 AND p."emailNorm" = w.key AND ` +
      `p."mergedIntoId" IS DISTINCT FROM NULLIF(w."personId", p.id)
       RETURNING 1
     ),
     upserted AS (
       INSERT INTO "PersonKey" ("tenantId", key, "personId") SELECT $1, key, "personId" FROM want
       ON CONFLICT ("tenantId", key) DO UPDATE SET "personId" = ` +
      `EXCLUDED."personId" WHERE "PersonKey"."personId" <> EXCLUDED."personId"
       RETURNING 1
     ),
     dropped AS (
       DELETE FROM "PersonKey" k WHERE k."tenantId" = $1 AND NOT EXISTS (SELECT 1 FROM want w WHERE w.key = k.key)
       RETURNING 1
     )
     SELECT ((SELECT count(*) FROM merged) + ` +
      `(SELECT count(*) FROM upserted) + (SELECT count(*) FROM dropped))::int AS n`,
    [tenantId, [...groups.keys()], [...groups.values()]],
  );
  const renamed = await pool.query<{ n: number }>(NAMES, [tenantId]);
  return created.rows.length + (linked.rows[0]?.n ?? 0) + (renamed.rows[0]?.n ?? 0);
}
