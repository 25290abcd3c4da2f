import type pg from "pg";

const FIRST = [
  "Ada",
  "Ben",
  "Chloe",
  "Dmitri",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tariq",
];
const LAST = [
  "Smith",
  "Garcia",
  "Nguyen",
  "Okafor",
  "Müller",
  "Rossi",
  "Kowalski",
  "Tanaka",
  "Haddad",
  "Silva",
  "Johansson",
  "Dubois",
  "Novak",
  "Chen",
  "Patel",
  "Murphy",
  "Ivanova",
  "Costa",
  "Schmidt",
  "Larsen",
  "Brown",
  "Khan",
  "Lopez",
];

/**
 * Fills a tenant's TruU cache with `devices` devices of `devices / 2` users
 * in one statement each, shaped like a sync's rows: three types, the three
 * assurance levels, a spread of check-ins over two years, a few inactive.
 * For benchmarks and tests of the console's queries at scale.
 */
export async function seedTruuCache(
  pool: pg.Pool | pg.PoolClient,
  tenantId: string,
  devices: number,
  now = new Date(),
) {
  const users = Math.max(1, Math.floor(devices / 2));
  const name =
    `(ARRAY[${FIRST.map((f) => `'${f}'`).join(",")}])[1 + (u % ${FIRST.length})] || ' ' || ` +
    `(ARRAY[${LAST.map((l) => `'${l}'`).join(",")}])[1 + ((u / ${FIRST.length}) % ${LAST.length})]`;
  const upn =
    `lower((ARRAY[${FIRST.map((f) => `'${f}'`).join(",")}])[1 + (u % ${FIRST.length})]) ` +
    `|| '.' || u || '@globex.example'`;
  await pool.query(
    `INSERT INTO "TruuUser" ("id", "tenantId", "vendorId", "tuid", "upn", "email", ` +
      `"emailNorm", "displayName", "lastSynced", "createdAtVendor", "raw", "hash", "syncedAt")
     SELECT 'seed-u-' || $1 || '-' || u, $1, md5($1 || 'u' || u)::uuid::text, ` +
      `md5($1 || 't' || u)::uuid::text, ${upn}, ${upn}, ${upn}, ${name},
       $2::timestamp - (u % 20) * interval '1 day', ` +
      `$2::timestamp - (30 + u % 2000) * interval '1 day', '{}'::jsonb, md5(u::text), $2::timestamp
     FROM generate_series(0, $3 - 1) AS u`,
    [tenantId, now.toISOString(), users],
  );
  await pool.query(
    `INSERT INTO "TruuDevice" ("id", "tenantId", "vendorId", "deviceName", ` +
      `"type", "userGuid", "userUpn", "userDisplayName", "userEmailNorm",
       "appVersion", "sdkVersion", "softwareIdentifier", "lastHeardFrom", ` +
      `"assuranceLevel", "active", "createdAtVendor", "raw", "hash", "syncedAt")
     SELECT 'seed-d-' || $1 || '-' || g, $1, md5($1 || 'd' || g)::uuid::text,
       ${name} || '''s ' || (ARRAY['MacBook Pro','Pixel 8','ThinkPad T14'])[1 + g % 3],
       (ARRAY['MAC_TPM','ANDROID','WINDOWS_TPM'])[1 + g % 3],
       md5($1 || 'u' || u)::uuid::text, ${upn}, ${name}, ${upn},
       '23.' || (g % 12) || '.0', '1.' || (g % 4), ` +
      `(ARRAY['Version 14.5 (Build 23F79)','34','Windows 11 23H2'])[1 + g % 3],
       CASE WHEN g % 97 = 0 THEN NULL ELSE $2::timestamp - ` +
      `((g::bigint * 7919) % (730 * 24 * 60)) * interval '1 minute' END,
       (ARRAY[100, 300, 500, 300, 500])[1 + (g / 3) % 5],
       g % 41 <> 0,
       $2::timestamp - (1 + (g::bigint * 104729) % 1500) * interval '1 day',
       jsonb_build_object('deviceId', md5($1 || 'd' || g)::uuid::text), md5(g::text), $2::timestamp
     FROM (SELECT g, g / 2 AS u FROM generate_series(0, $3 - 1) AS g) s`,
    [tenantId, now.toISOString(), devices],
  );
  await pool.query(`ANALYZE "TruuDevice"`);
  await pool.query(`ANALYZE "TruuUser"`);
}
