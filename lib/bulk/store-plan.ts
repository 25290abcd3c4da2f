import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
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
 * Inserts plan rows of a job in one statement, the rows as one JSON
 * document: a 100,000-row plan is a few statements, and what keeps a
 * statement's parameters around for a while (the driver's debug history)
 * holds one compact string rather than thousands of small values.
 */
export async function insertPlanRows(tx: Prisma.TransactionClient, jobId: string, rows: StoredRow[]) {
  if (rows.length === 0) return;
  const doc = JSON.stringify(rows.map((s) => ({
    line: s.line, input: s.input, plan: s.planned.plan, err: s.planned.error ?? null, before: s.planned.before ?? null, after: s.planned.after ?? null,
    // Only rows that change something are sent.
    status: s.planned.plan === "create" || s.planned.plan === "update" ? "pending" : "skipped",
    op: s.operation ?? null,
  })));
  await tx.$executeRaw`
    INSERT INTO "BulkRow" (id, "jobId", line, input, plan, "planError", before, after, status, attempts, operation)
    SELECT gen_random_uuid()::text, ${jobId}, u.line, u.input, u.plan::"BulkRowPlan", u.err, u.before, u.after, u.status::"BulkRowStatus", 0, u.op
    FROM jsonb_to_recordset(${doc}::jsonb) AS u(line int, input jsonb, plan text, err text, before jsonb, after jsonb, status text, op text)`;
}

/** Writes a plan: the job and one row per line, in one transaction. */
export async function storePlan(db: Db, p: { tenantId: string; operation: string; fileName: string; staffId: string; counts: Record<string, number>; headers: string[]; rows: StoredRow[] }): Promise<string> {
  const staged = p.rows;
  const job = await db.$transaction(async (tx) => {
    const created = await tx.bulkJob.create({
      data: {
        tenantId: p.tenantId, operation: p.operation, fileName: p.fileName.slice(0, 255), createdById: p.staffId,
        planCounts: p.counts, rowsTotal: staged.length, headers: p.headers,
      },
    });
    for (let i = 0; i < staged.length; i += PLAN_BATCH) await insertPlanRows(tx, created.id, staged.slice(i, i + PLAN_BATCH));
    return created;
  }, { timeout: 120_000 });
  return job.id;
}
