import { randomBytes } from "node:crypto";
import type pg from "pg";
import { type Db, pgPoolOf } from "../db/client";
import { inPgTransaction } from "../db/pg-transaction";
import type { PlannedRow } from "./operation";

const PLAN_BATCH = 5000;

export interface StoredRow {
  line: number;
  input: Record<string, unknown>;
  planned: PlannedRow;
  /** A runbook row's step. */
  operation?: string;
}

/**
 * The node-postgres pool under the client: a plan is written there, not
 * through Prisma, whose debug module keeps the parameters of its last 100
 * calls alive (a 100,000-row plan's documents would stay in memory).
 */
export function planPool(db: Db): pg.Pool {
  const pool = pgPoolOf(db);
  if (!pool)
    throw new Error("Bulk plans need a client made by createPrismaClient (they are written on the client's own pool).");
  return pool;
}

/** A new job's id, in the shape of Prisma's cuid() default (the job row is inserted here, not by Prisma). */
function jobId(): string {
  const rand = BigInt(`0x${randomBytes(12).toString("hex")}`)
    .toString(36)
    .padStart(16, "0")
    .slice(-16);
  return `c${Date.now().toString(36)}${rand}`;
}

/** Inserts a planned job (status "planned"); the caller's transaction commits it with its rows. */
export async function insertPlanJob(
  client: pg.PoolClient,
  p: {
    tenantId: string;
    operation: string;
    fileName: string;
    staffId: string;
    rowsTotal: number;
    headers: string[];
    counts?: Record<string, number>;
  },
): Promise<string> {
  const id = jobId();
  // createdAt in UTC, as Prisma writes DateTime into timestamp(3) columns.
  await client.query(
    `INSERT INTO "BulkJob"
       (id, "tenantId", operation, "fileName", "createdById", "createdAt", "rowsTotal", headers, "planCounts")
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz AT TIME ZONE 'UTC', $7, $8::jsonb, $9::jsonb)`,
    [
      id,
      p.tenantId,
      p.operation,
      p.fileName.slice(0, 255),
      p.staffId,
      new Date().toISOString(),
      p.rowsTotal,
      JSON.stringify(p.headers),
      JSON.stringify(p.counts ?? {}),
    ],
  );
  return id;
}

/**
 * Inserts plan rows of a job in one statement, the rows as one JSON
 * document: a 100,000-row plan is a few statements.
 */
export async function insertPlanRows(client: pg.PoolClient, jobId: string, rows: StoredRow[]) {
  if (rows.length === 0) return;
  const doc = JSON.stringify(
    rows.map((s) => ({
      line: s.line,
      input: s.input,
      plan: s.planned.plan,
      err: s.planned.error ?? null,
      before: s.planned.before ?? null,
      after: s.planned.after ?? null,
      // Only rows that change something are sent.
      status: s.planned.plan === "create" || s.planned.plan === "update" ? "pending" : "skipped",
      op: s.operation ?? null,
    })),
  );
  await client.query(
    `INSERT INTO "BulkRow" (id, "jobId", line, input, plan, "planError", before, after, status, attempts, operation)
     SELECT gen_random_uuid()::text, $1, u.line, u.input, u.plan::"BulkRowPlan", u.err, u.before, u.after,
       u.status::"BulkRowStatus", 0, u.op
     FROM jsonb_to_recordset($2::jsonb)
       AS u(line int, input jsonb, plan text, err text, before jsonb, after jsonb, status text, op text)`,
    [jobId, doc],
  );
}

/** Writes a plan: the job and one row per line, in one transaction. */
export async function storePlan(
  db: Db,
  p: {
    tenantId: string;
    operation: string;
    fileName: string;
    staffId: string;
    counts: Record<string, number>;
    headers: string[];
    rows: StoredRow[];
  },
): Promise<string> {
  const staged = p.rows;
  return inPgTransaction(planPool(db), async (client) => {
    const id = await insertPlanJob(client, { ...p, rowsTotal: staged.length });
    for (let i = 0; i < staged.length; i += PLAN_BATCH)
      await insertPlanRows(client, id, staged.slice(i, i + PLAN_BATCH));
    return id;
  });
}
