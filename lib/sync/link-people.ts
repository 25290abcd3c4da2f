import type pg from "pg";

// Every typed user table carries emailNorm (lower-cased, trimmed UPN/email);
// a Person is one such key per tenant, whichever vendors know it.
const SOURCES = [
  { table: "TrugridUser", name: `NULL` },
  { table: "TruuUser", name: `"displayName"` },
  { table: "TwingateUser", name: `NULLIF(trim(concat_ws(' ', "firstName", "lastName")), '')` },
  { table: "JumpcloudUser", name: `COALESCE(NULLIF("displayname", ''), NULLIF(trim(concat_ws(' ', "firstname", "lastname")), ''))` },
];

/** Creates a Person for every key not linked yet; writes nothing when all are. */
export async function linkPeople(pool: pg.Pool, tenantId: string): Promise<number> {
  const union = SOURCES.map((s) => `SELECT "emailNorm", ${s.name} AS name FROM "${s.table}" WHERE "tenantId" = $1 AND "deletedAt" IS NULL AND "emailNorm" <> ''`).join(" UNION ALL ");
  const res = await pool.query(
    `INSERT INTO "Person" (id, "tenantId", "emailNorm", "displayName", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, "emailNorm", max(name), now(), now()
     FROM (${union}) AS u
     WHERE NOT EXISTS (SELECT 1 FROM "Person" p WHERE p."tenantId" = $1 AND p."emailNorm" = u."emailNorm")
     GROUP BY "emailNorm"
     ON CONFLICT ("tenantId", "emailNorm") DO NOTHING`,
    [tenantId],
  );
  return res.rowCount ?? 0;
}
