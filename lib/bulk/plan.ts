import type { Db } from "../db/client";
import { inPgTransaction } from "../db/pg-transaction";
import { currentOperationId } from "../operations/former-ids";
import { BULK_OPERATIONS, bulkOperation } from "./catalogue";
import { parseCsv } from "./csv";
import { malformedInput, mapHeaders, rowObject } from "./headers";
import type { PlanKind, PlannedRow } from "./operation";
import { insertPlanJob, insertPlanRows, planPool } from "./store-plan";

export interface PlanInput {
  tenantId: string;
  operationId: string;
  fileName: string;
  bytes: Uint8Array;
  staffId: string;
}

export type PlanResult =
  | { ok: true; jobId: string; counts: Record<PlanKind | "duplicate", number> }
  | { ok: false; error: string };

const PLAN_BATCH = 5000;

/**
 * Upload → plan: parse, map headers, validate each row with its line number,
 * flag duplicates within the file, check the rest against the cache. The
 * plan is stored (job + one row each) and nothing is sent to the vendor.
 */
export async function planBulkJob(db: Db, input: PlanInput): Promise<PlanResult> {
  // A sheet of the catalogue, not a runbook's step (a runbook plans its own rows).
  const id = currentOperationId(input.operationId);
  const op = BULK_OPERATIONS.some((o) => o.id === id) ? bulkOperation(id) : null;
  if (!op) return { ok: false, error: "Unknown operation." };
  const csv = parseCsv(input.bytes);
  if (!csv.ok) return csv;
  const mapped = mapHeaders(csv.headers, op.columns);
  if (!mapped.ok) return mapped;

  type Staged = { line: number; input: Record<string, string>; planned: PlannedRow; valid?: Record<string, unknown> };
  const firstLineOfKey = new Map<string, number>();
  const counts = { create: 0, update: 0, no_change: 0, error: 0, duplicate: 0 };
  const total = csv.rows.length;

  /**
   * Validates a stretch of rows with their line numbers, flags duplicates within the whole file, checks the rest
   * against the cache.
   */
  const planPart = async (from: number, to: number): Promise<Staged[]> => {
    const staged: Staged[] = [];
    for (const r of csv.rows.slice(from, to)) {
      if (r.error) {
        staged.push({
          line: r.line,
          input: malformedInput(r, mapped.index),
          planned: { plan: "error", error: r.error },
        });
        continue;
      }
      const raw = rowObject(r.cells, mapped.index);
      const parsed = op.row.safeParse(raw);
      if (!parsed.success) {
        const msg = parsed.error.issues
          .map((is) => (is.path.length ? `${String(is.path[0])}: ${is.message}` : is.message))
          .join("; ");
        staged.push({ line: r.line, input: raw, planned: { plan: "error", error: msg } });
        continue;
      }
      const key = op.key(parsed.data);
      const first = firstLineOfKey.get(key);
      if (first !== undefined) {
        counts.duplicate++;
        staged.push({
          line: r.line,
          input: raw,
          planned: { plan: "error", error: `Duplicate of row ${first} in this file.` },
        });
        continue;
      }
      firstLineOfKey.set(key, r.line);
      staged.push({ line: r.line, input: raw, planned: { plan: "error" }, valid: parsed.data });
    }
    const toPlan = staged.filter((x) => x.valid);
    if (toPlan.length) {
      const planned = await op.plan(
        db,
        input.tenantId,
        toPlan.map((x) => x.valid!),
      );
      toPlan.forEach((x, k) => {
        x.planned = planned[k] ?? { plan: "error", error: "The operation planned nothing for this row." };
      });
    }
    for (const x of staged) counts[x.planned.plan]++;
    return staged;
  };

  // A stretch at a time, parse to insert: what is held at once is one
  // stretch's rows, not the whole file's plan. The job and its rows commit
  // together, so a plan that fails part-way leaves nothing behind.
  const jobId = await inPgTransaction(planPool(db), async (client) => {
    const id = await insertPlanJob(client, {
      tenantId: input.tenantId,
      operation: op.id,
      fileName: input.fileName,
      staffId: input.staffId,
      rowsTotal: total,
      headers: csv.headers,
    });
    for (let i = 0; i < total; i += PLAN_BATCH)
      await insertPlanRows(client, id, await planPart(i, Math.min(total, i + PLAN_BATCH)));
    await client.query(`UPDATE "BulkJob" SET "planCounts" = $2::jsonb WHERE id = $1`, [id, JSON.stringify(counts)]);
    return id;
  });
  return { ok: true, jobId, counts };
}
