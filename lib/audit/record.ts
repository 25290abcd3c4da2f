import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Db } from "../db/client";
import { inPgTransaction } from "../db/pg-transaction";
import { Prisma } from "../generated/prisma/client";
import { canonicalJson, canonicalJsonOfPlain } from "./canonical-json";
import { chainHash, GENESIS_HASH, hashedFieldsOf } from "./chain";
import type { AuditEventInput } from "./event";
import { parseAuditInput } from "./quick-parse";

type Tx = Prisma.TransactionClient;

// Chain appends are serialised by a transaction-scoped advisory lock so that
// concurrent writers (app instances, workers) never fork the chain.
const AUDIT_CHAIN_LOCK = 4_201_777;
// A busy pool (a bulk job writing batches) makes an append wait for a
// connection rather than fail after Prisma's default two seconds. A new
// object each time: Prisma keeps per-transaction state on the one it is given.
const txOptions = () => ({ maxWait: 30_000, timeout: 120_000 });

/** JSON text for a jsonb column (null for none). */
function jsonText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value) ?? null;
}

/** The value as it comes back from jsonb (what is hashed), from its JSON text. */
const fromJsonb = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const NUL = "\u0000";
/** Longest kept text of an indexed column (a btree entry must stay well under Postgres's ~2.7 kB). */
const MAX_INDEXED = 512;
const MAX_REASON = 4000;
const clip = (s: string | null | undefined, n: number) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : (s ?? null));

/**
 * What a refusal records can come straight from an attacker's input (an id
 * with a NUL byte, a 100 kB "tenant id"). Postgres refuses NUL in text and
 * jsonb, and a btree entry over its size limit: either would turn the
 * refusal into an error and leave no event at all. NUL becomes U+FFFD and
 * indexed text is clipped, before anything is hashed. Checked on the JSON
 * text already written, so the usual event costs nothing more.
 */
function storable(
  e: ReturnType<typeof parseAuditInput>,
  json: { targets: string; before: string | null; after: string | null },
) {
  const strings = [
    e.actor?.id,
    e.actor?.email,
    e.actor?.name,
    e.ip,
    e.userAgent,
    e.tenantId,
    e.jobId,
    e.reason,
    e.changeReason,
  ];
  const hasNul =
    strings.some((v) => v?.includes(NUL)) ||
    [json.targets, json.before, json.after].some((t) => t?.includes("\\u0000"));
  const tooLong =
    [e.actor?.id, e.actor?.email, e.actor?.name, e.ip, e.tenantId, e.jobId].some(
      (v) => (v?.length ?? 0) > MAX_INDEXED,
    ) ||
    (e.reason?.length ?? 0) > MAX_REASON ||
    (e.changeReason?.length ?? 0) > MAX_REASON;
  if (!hasNul && !tooLong) return { e, json };
  const clean = hasNul ? (JSON.parse(JSON.stringify(e).replaceAll("\\u0000", "\\ufffd")) as typeof e) : { ...e };
  const actor = clean.actor && {
    id: clip(clean.actor.id, MAX_INDEXED)!,
    email: clip(clean.actor.email, MAX_INDEXED)!,
    name: clip(clean.actor.name, MAX_INDEXED)!,
  };
  const fixed = {
    ...clean,
    actor,
    ip: clip(clean.ip, MAX_INDEXED),
    tenantId: clip(clean.tenantId, MAX_INDEXED),
    jobId: clip(clean.jobId, MAX_INDEXED),
    reason: clip(clean.reason, MAX_REASON),
    changeReason: clip(clean.changeReason, MAX_REASON),
  } as typeof e;
  return {
    e: fixed,
    json: { targets: jsonText(fixed.targets) ?? "[]", before: jsonText(fixed.before), after: jsonText(fixed.after) },
  };
}

function toRow(input: AuditEventInput) {
  const parsed = parseAuditInput(input);
  const { e, json } = storable(parsed, {
    targets: jsonText(parsed.targets) ?? "[]",
    before: jsonText(parsed.before),
    after: jsonText(parsed.after),
  });
  const row = {
    id: randomUUID(),
    // Millisecond precision: what timestamptz(3) stores is what was hashed.
    at: new Date(Math.floor(Date.now())),
    actorId: e.actor?.id ?? null,
    actorEmail: e.actor?.email ?? null,
    actorName: e.actor?.name ?? null,
    ip: e.ip,
    userAgent: e.userAgent?.slice(0, 512) ?? null,
    action: e.action,
    tenantId: e.tenantId,
    vendor: e.vendor,
    targets: (e.targets ?? []) as unknown,
    before: json.before === null ? null : e.before,
    after: json.after === null ? null : e.after,
    outcome: e.outcome,
    reason: e.reason,
    changeReason: e.changeReason,
    jobId: e.jobId,
    correlationId: e.correlationId,
    json,
  };
  // What is hashed is the values as they come back from jsonb. For plain
  // JSON values (what events hold) their canonical text is the same as the
  // values' own, written without the round trip; anything else (a class
  // instance, a toJSON member) is hashed after it.
  // The hashed text does not depend on the chain: written here, outside the chain lock, only the hashes are chained
  // under it.
  const canonical =
    canonicalJsonOfPlain(hashedFieldsOf(row)) ??
    canonicalJson(
      hashedFieldsOf({
        ...row,
        targets: fromJsonb(json.targets) ?? [],
        before: fromJsonb(json.before),
        after: fromJsonb(json.after),
      }),
    );
  return { ...row, canonical };
}
type Row = ReturnType<typeof toRow>;

/** Runs statements on Prisma's transaction client or on a node-postgres client in a transaction. */
interface Exec {
  run: (sql: Prisma.Sql) => Promise<unknown>;
  rows: <T>(sql: Prisma.Sql) => Promise<T[]>;
}
const onPrisma = (tx: Tx): Exec => ({
  run: (sql) => tx.$executeRaw(sql),
  rows: <T>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql),
});
const onPg = (client: pg.PoolClient): Exec => ({
  run: (sql) => client.query(sql.text, sql.values as unknown[]),
  rows: async <T>(sql: Prisma.Sql) => (await client.query(sql.text, sql.values as unknown[])).rows as T[],
});

/**
 * Appends rows in order under the chain lock, each linked to the one before,
 * in one INSERT: a batch of events costs one statement, however long.
 */
async function appendRows(tx: Exec, rows: Row[]) {
  await tx.run(Prisma.sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  // Read after the lock is held (a statement of its own, so its snapshot sees
  // the last writer's commit). After a prune of everything, the chain
  // continues from the last checkpoint.
  const [last] = await tx.rows<{ hash: string | null }>(Prisma.sql`
    SELECT coalesce(
      (SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1),
      (SELECT hash FROM "AuditCheckpoint" ORDER BY seq DESC LIMIT 1)
    ) AS hash`);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const prev: string[] = [];
  const hashes: string[] = [];
  const appended: { id: string; hash: string }[] = [];
  for (const row of rows) {
    const hash = chainHash(prevHash, row.canonical);
    prev.push(prevHash);
    hashes.push(hash);
    appended.push({ id: row.id, hash });
    prevHash = hash;
  }
  const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  // seq is assigned in the order rows are inserted; ORDER BY ord keeps it the chain's order.
  await tx.run(Prisma.sql`
    INSERT INTO "AuditEvent" (id, at, "actorId", "actorEmail", "actorName", ip, "userAgent", action, "tenantId", vendor,
      targets, before, after, outcome, reason, "changeReason", "jobId", "correlationId", "prevHash", hash)
    SELECT u.id::uuid, u.at::timestamptz, u.actor_id, u.actor_email, u.actor_name, u.ip, u.user_agent, u.action,
      u.tenant_id, u.vendor::"Vendor", u.targets::jsonb, u.before::jsonb, u.after::jsonb, u.outcome::"AuditOutcome",
      u.reason, u.change_reason, u.job_id, u.correlation_id::uuid, u.prev_hash, u.hash
    FROM unnest(${col("id")}::text[], ${rows.map((r) => r.at.toISOString())}::text[], ${col("actorId")}::text[],
      ${col("actorEmail")}::text[], ${col("actorName")}::text[], ${col("ip")}::text[], ${col("userAgent")}::text[],
      ${col("action")}::text[], ${col("tenantId")}::text[], ${col("vendor")}::text[],
      ${rows.map((r) => r.json.targets)}::text[], ${rows.map((r) => r.json.before)}::text[],
      ${rows.map((r) => r.json.after)}::text[], ${col("outcome")}::text[], ${col("reason")}::text[],
      ${col("changeReason")}::text[], ${col("jobId")}::text[], ${col("correlationId")}::text[], ${prev}::text[],
      ${hashes}::text[])
      WITH ORDINALITY AS u(id, at, actor_id, actor_email, actor_name, ip, user_agent, action, tenant_id, vendor,
        targets, before, after, outcome, reason, change_reason, job_id, correlation_id, prev_hash, hash, ord)
    ORDER BY u.ord`);
  return appended;
}

async function append(tx: Tx, input: AuditEventInput) {
  const [appended] = await appendRows(onPrisma(tx), [toRow(input)]);
  if (!appended) throw new Error("The audit chain appended no row.");
  return appended;
}

/**
 * Appends one event to the chain. Given a transaction, the event commits or
 * rolls back with the change it describes; given the client, it commits alone.
 */
export async function recordAudit(client: Db | Tx, input: AuditEventInput): Promise<{ id: string; hash: string }> {
  if ("$transaction" in client) return client.$transaction((tx) => append(tx, input), txOptions());
  return append(client, input);
}

/**
 * Appends many events as one stretch of the chain, in one transaction (sync
 * drift, bulk rows). `alongside`, given the events' ids, runs first in the
 * same transaction: writes that must commit with the events or not at all
 * (a bulk row's final status). It runs before the chain lock is taken, so
 * other writers of the log do not wait for it.
 */
export async function recordAuditMany(
  db: Db,
  inputs: AuditEventInput[],
  alongside?: (tx: Tx, ids: string[]) => Promise<unknown>,
): Promise<{ id: string; hash: string }[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map(toRow);
  return db.$transaction(async (tx) => {
    await alongside?.(
      tx,
      rows.map((r) => r.id),
    );
    return appendRows(onPrisma(tx), rows);
  }, txOptions());
}

/** Events turned into rows and hashed text ahead of their append (prepareAuditEvents). */
export interface PreparedAuditEvents {
  readonly rows: ReadonlyArray<Row>;
}

/**
 * Validates events and writes their hashed text, which does not depend on
 * the chain: a writer can do this for its next batch while the last one is
 * being appended. Their time is the time of this call.
 */
export function prepareAuditEvents(inputs: AuditEventInput[]): PreparedAuditEvents {
  return { rows: inputs.map(toRow) };
}

/**
 * recordAuditMany on node-postgres (a pool, e.g. the one under the Prisma
 * client: lib/db/client.ts pgPoolOf): for large batches, whose parameters
 * Prisma would keep in memory and re-encode at a cost per value.
 * `alongside` runs first in the same transaction, on the same client.
 */
export async function recordAuditManyPg(
  pool: pg.Pool,
  events: AuditEventInput[] | PreparedAuditEvents,
  alongside?: (client: pg.PoolClient, ids: string[]) => Promise<unknown>,
): Promise<{ id: string; hash: string }[]> {
  const rows = Array.isArray(events) ? events.map(toRow) : [...events.rows];
  if (rows.length === 0) return [];
  return inPgTransaction(pool, async (client) => {
    await alongside?.(
      client,
      rows.map((r) => r.id),
    );
    return appendRows(onPg(client), rows);
  });
}
