import type { SqlType, SyncTarget } from "./target";

// A batch travels as one jsonb parameter, an array of rows
// [vendorId, hash, raw, value…], instead of one text[] per column: node-postgres
// escapes every element of a text[] by hand, while JSON.stringify is native and
// the raw JSON goes in as it was read, without a second round of escaping.
const VENDOR_ID = 0;
const HASH = 1;
const RAW = 2;
const FIRST_VALUE = 3;

/** A column value sent as text (or null), read in SQL from its position in the row. */
const CAST: Record<SqlType, (text: string) => string> = {
  text: (t) => t,
  int: (t) => `(${t})::int`,
  bool: (t) => `(${t})::boolean`,
  timestamptz: (t) => `(${t})::timestamptz`,
  jsonb: (t) => `(${t})::jsonb`,
  "text[]": (t) => `ARRAY(SELECT jsonb_array_elements_text((${t})::jsonb))`,
};

export const quoteIdent = (name: string) => `"${name.replace(/"/g, "")}"`;

/** One row of the batch parameter; `valuesJson` is JSON.stringify(values), already built for the hash. */
export function encodeRow(vendorId: string, hash: string, raw: string, valuesJson: string): string {
  const values = valuesJson.length > 2 ? `,${valuesJson.slice(1, -1)}` : "";
  return `[${JSON.stringify(vendorId)},"${hash}",${raw}${values}]`;
}

export function encodeBatch(rows: readonly string[]): string {
  return `[${rows.join(",")}]`;
}

/**
 * INSERT … ON CONFLICT DO UPDATE for one target. Parameters: the scope's
 * ($1 tenant, and for the shared tables $2 vendor, $3 kind), then the run id,
 * then the batch.
 */
export function upsertSql(target: SyncTarget<unknown>, generic: boolean): string {
  const cols = target.columns;
  const n = generic ? 3 : 1;
  const runId = `$${n + 1}`;
  const batch = `$${n + 2}`;
  const at = (i: number) => `r->>${i}`;
  const keyCols = generic ? [`"tenantId"`, `"vendor"`, `"kind"`, `"vendorId"`] : [`"tenantId"`, `"vendorId"`];
  const scopeValues = generic ? [`$1`, `$2::"Vendor"`, `$3`] : [`$1`];
  const insertCols = [
    `"id"`,
    ...keyCols,
    ...cols.map((c) => quoteIdent(c.name)),
    `"raw"`,
    `"hash"`,
    `"syncRunId"`,
    `"syncedAt"`,
    `"deletedAt"`,
  ];
  const selectVals = [
    "gen_random_uuid()::text",
    ...scopeValues,
    at(VENDOR_ID),
    ...cols.map((c, i) => CAST[c.type](at(FIRST_VALUE + i))),
    `r->${RAW}`,
    at(HASH),
    runId,
    "now()",
    "NULL::timestamp",
  ];
  const updates = [
    ...cols.map((c) => quoteIdent(c.name)),
    `"raw"`,
    `"hash"`,
    `"syncRunId"`,
    `"syncedAt"`,
    `"deletedAt"`,
  ].map((c) => `${c} = EXCLUDED.${c}`);
  return `INSERT INTO ${quoteIdent(target.table)} (${insertCols.join(", ")})
    SELECT ${selectVals.join(", ")} FROM jsonb_array_elements(${batch}::jsonb) AS r
    ON CONFLICT (${keyCols.join(", ")}) DO UPDATE SET ${updates.join(", ")}`;
}

/**
 * The rows of a batch that must be written: those not stored (or stored as
 * deleted: `live` false) and those whose hash differs (`live` true, with the
 * stored tracked columns as text for drift). Rows stored unchanged are not
 * answered at all. `scopeOfT` is the scope's condition on the table as `t`.
 * Parameters: the scope's, then the batch's vendor ids and
 * hashes as two JSON arrays of the same length.
 */
export function changedRowsSql(
  target: SyncTarget<unknown>,
  scopeOfT: string,
  scopeParams: number,
  tracked: string[],
): string {
  const t = (c: string) => `t.${quoteIdent(c)}`;
  const cols = tracked.map((c) => `, ${t(c)}::text AS ${quoteIdent(c)}`).join("");
  return (
    `SELECT b.id AS "vendorId", (t."vendorId" IS NOT NULL AND t."deletedAt" IS NULL) AS "live"${cols}
    FROM ROWS FROM (jsonb_array_elements_text($${scopeParams + 1}::jsonb), ` +
    `jsonb_array_elements_text($${scopeParams + 2}::jsonb)) AS b(id, hash)
    LEFT JOIN ${quoteIdent(target.table)} t ON ${scopeOfT} AND t."vendorId" = b.id
    WHERE t."vendorId" IS NULL OR t."deletedAt" IS NOT NULL OR t."hash" <> b.hash`
  );
}
