import type { Db } from "../db/client";
import type { PlannedRow } from "./operation";

const PLAN_BATCH = 5000;

export interface StoredRow {
  line: number;
  input: Record<string, unknown>;
  planned: PlannedRow;
  /** A runbook row's step. */
  operation?: string;
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
    // One unnest insert per batch: a 100,000-row plan is a few statements, not a few hundred thousand bound values per row object.
    for (let i = 0; i < staged.length; i += PLAN_BATCH) {
      const part = staged.slice(i, i + PLAN_BATCH);
      const text = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
      await tx.$executeRaw`
        INSERT INTO "BulkRow" (id, "jobId", line, input, plan, "planError", before, after, status, attempts, operation)
        SELECT gen_random_uuid()::text, ${created.id}, u.line, u.input::jsonb, u.plan::"BulkRowPlan", u.err, u.before::jsonb, u.after::jsonb, u.status::"BulkRowStatus", 0, u.op
        FROM unnest(${part.map((s) => s.line)}::int[], ${part.map((s) => JSON.stringify(s.input))}::text[], ${part.map((s) => s.planned.plan)}::text[],
          ${part.map((s) => s.planned.error ?? null)}::text[], ${part.map((s) => text(s.planned.before))}::text[], ${part.map((s) => text(s.planned.after))}::text[],
          ${part.map((s) => (s.planned.plan === "create" || s.planned.plan === "update" ? "pending" : "skipped"))}::text[], -- only rows that change something are sent
          ${part.map((s) => s.operation ?? null)}::text[])
          AS u(line, input, plan, err, before, after, status, op)`;
    }
    return created;
  }, { timeout: 120_000 });
  return job.id;
}
