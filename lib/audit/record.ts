import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { eventHash, GENESIS_HASH, hashedFieldsOf } from "./chain";
import { AuditEventInput } from "./event";

type Tx = Prisma.TransactionClient;

// Chain appends are serialised by a transaction-scoped advisory lock so that
// concurrent writers (app instances, workers) never fork the chain.
const AUDIT_CHAIN_LOCK = 4_201_777;

function json(value: unknown) {
  return value === undefined || value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

function toRow(input: AuditEventInput) {
  const e = AuditEventInput.parse(input);
  return {
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
    targets: e.targets,
    before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
    after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
    outcome: e.outcome,
    reason: e.reason,
    jobId: e.jobId,
    correlationId: e.correlationId,
  };
}

/** Appends rows in order under the chain lock, each linked to the one before. */
async function appendRows(tx: Tx, rows: ReturnType<typeof toRow>[]) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  // After a prune of everything, the chain continues from the last checkpoint.
  let prevHash = last?.hash ?? (await tx.auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } }))?.hash ?? GENESIS_HASH;
  const data = rows.map((row) => {
    const hash = eventHash(prevHash, hashedFieldsOf(row));
    const out = { ...row, targets: json(row.targets) as Prisma.InputJsonValue, before: json(row.before), after: json(row.after), prevHash, hash };
    prevHash = hash;
    return out;
  });
  // createMany keeps array order in its insert, so seq order is chain order.
  for (let i = 0; i < data.length; i += 1000) await tx.auditEvent.createMany({ data: data.slice(i, i + 1000) });
  return data.map((d) => ({ id: d.id, hash: d.hash }));
}

async function append(tx: Tx, input: AuditEventInput) {
  return (await appendRows(tx, [toRow(input)]))[0];
}

/**
 * Appends one event to the chain. Given a transaction, the event commits or
 * rolls back with the change it describes; given the client, it commits alone.
 */
export async function recordAudit(client: Db | Tx, input: AuditEventInput): Promise<{ id: string; hash: string }> {
  if ("$transaction" in client) return client.$transaction((tx) => append(tx, input));
  return append(client, input);
}

/** Appends many events as one stretch of the chain, in one transaction (sync drift, bulk rows). */
export async function recordAuditMany(db: Db, inputs: AuditEventInput[]): Promise<{ id: string; hash: string }[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map(toRow);
  return db.$transaction((tx) => appendRows(tx, rows), { timeout: 120_000 });
}
