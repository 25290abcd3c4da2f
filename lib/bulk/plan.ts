import { z } from "zod";
import type { Db } from "../db/client";
import { BULK_OPERATIONS, bulkOperation } from "./catalogue";
import { parseCsv } from "./csv";
import { mapHeaders, rowObject } from "./headers";
import type { PlanKind, PlannedRow } from "./operation";
import { storePlan } from "./store-plan";

export interface PlanInput {
  tenantId: string;
  operationId: string;
  fileName: string;
  bytes: Uint8Array;
  staffId: string;
}

export type PlanResult = { ok: true; jobId: string; counts: Record<PlanKind | "duplicate", number> } | { ok: false; error: string };

const PLAN_BATCH = 5000;

/**
 * Upload → plan: parse, map headers, validate each row with its line number,
 * flag duplicates within the file, check the rest against the cache. The
 * plan is stored (job + one row each) and nothing is sent to the vendor.
 */
export async function planBulkJob(db: Db, input: PlanInput): Promise<PlanResult> {
  const op = BULK_OPERATIONS.some((o) => o.id === input.operationId) ? bulkOperation(input.operationId) : null;
  if (!op) return { ok: false, error: "Unknown operation." };
  const csv = parseCsv(input.bytes);
  if (!csv.ok) return csv;
  const mapped = mapHeaders(csv.headers, op.columns);
  if (!mapped.ok) return mapped;

  type Staged = { line: number; input: Record<string, string>; planned: PlannedRow; valid?: Record<string, unknown> };
  const staged: Staged[] = [];
  const firstLineOfKey = new Map<string, number>();
  let duplicates = 0;
  for (const r of csv.rows) {
    const raw = rowObject(r.cells, mapped.index);
    const parsed = op.row.safeParse(raw);
    if (!parsed.success) {
      const msg = parsed.error.issues.map((i) => (i.path.length ? `${String(i.path[0])}: ${i.message}` : i.message)).join("; ");
      staged.push({ line: r.line, input: raw, planned: { plan: "error", error: msg } });
      continue;
    }
    const key = op.key(parsed.data);
    const first = firstLineOfKey.get(key);
    if (first !== undefined) {
      duplicates++;
      staged.push({ line: r.line, input: raw, planned: { plan: "error", error: `Duplicate of row ${first} in this file.` } });
      continue;
    }
    firstLineOfKey.set(key, r.line);
    staged.push({ line: r.line, input: raw, planned: { plan: "error" }, valid: parsed.data });
  }

  const toPlan = staged.filter((s) => s.valid);
  for (let i = 0; i < toPlan.length; i += PLAN_BATCH) {
    const part = toPlan.slice(i, i + PLAN_BATCH);
    const planned = await op.plan(db, input.tenantId, part.map((s) => s.valid!));
    part.forEach((s, k) => { s.planned = planned[k]; });
  }

  const counts = { create: 0, update: 0, no_change: 0, error: 0, duplicate: duplicates };
  for (const s of staged) counts[s.planned.plan]++;
  const jobId = await storePlan(db, { tenantId: input.tenantId, operation: op.id, fileName: input.fileName, staffId: input.staffId, counts, headers: csv.headers, rows: staged });
  return { ok: true, jobId, counts };
}

export const PlanCounts = z.object({ create: z.number(), update: z.number(), no_change: z.number(), error: z.number(), duplicate: z.number() }).partial();
