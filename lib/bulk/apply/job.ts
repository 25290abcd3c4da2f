import type pg from "pg";
import type { AuditActor } from "../../audit/event";
import { loadStaff, type Staff } from "../../auth/staff";
import { type Db, pgPoolOf } from "../../db/client";
import { loadConnection } from "../../vendors/load-connection";
import { bulkOperation, bulkRunbook } from "../catalogue";
import type { ApplyContext, BulkOperation } from "../operation";
import { applyRunbook, type StepRunner } from "../runbook";
import type { ApplyStats } from "./stats";

export type ApplyResult = "completed" | "cancelled" | "failed" | "skipped";

const FINAL_JOB = ["completed", "cancelled", "failed"];

export interface ApplyOptions {
  /** Chunks in flight at once. */
  concurrency?: number;
  signal?: AbortSignal;
  log?: (msg: string) => void;
  /** Within a runbook job: apply only this step's rows, and leave the job's final status to the runbook. */
  step?: string;
  /** Filled in while the job runs: where its time went (benchmarks). */
  stats?: ApplyStats;
}

/** A job being applied: what its resume, claims, lanes and settler all read. */
export interface RunningJob {
  db: Db;
  /** The Prisma client's own pool: claims and results go to Postgres on it. */
  pool: pg.Pool;
  jobId: string;
  tenantId: string;
  op: BulkOperation<Record<string, unknown>>;
  ctx: ApplyContext;
  /** Who confirmed the job: the cache update names them. */
  confirmer: Staff | null;
  /** The confirmer as its rows' audit events name them. */
  actor: AuditActor | null;
  /** The reason or ticket number given at confirmation, on every row's audit event. */
  changeReason: string | null;
  /** Within a runbook job, the filter to this step's rows; else empty. */
  stepRows: { operation?: string };
  opts: ApplyOptions;
}

/**
 * Loads the job and marks it running, or ends here: a job already finished
 * or not confirmed is skipped; a runbook job runs its steps (each through
 * `runStep`); a job whose operation is unknown or whose vendor is no longer
 * connected fails its rows.
 */
export async function startJob(
  db: Db,
  jobId: string,
  opts: ApplyOptions,
  runStep: StepRunner,
): Promise<RunningJob | ApplyResult> {
  const job = await db.bulkJob.findUnique({ where: { id: jobId } });
  if (!job || FINAL_JOB.includes(job.status) || job.status === "planned") return "skipped";
  const runbook = opts.step ? null : bulkRunbook(job.operation);
  if (runbook) return applyRunbook(db, jobId, runbook, runStep);
  const stepRows = opts.step ? { operation: opts.step } : {};
  const op = bulkOperation(opts.step ?? job.operation);
  const connection = op && (await loadConnection(db, job.tenantId, op.vendor));
  if (!op || !connection) {
    const error = op ? "The tenant has no connection to this vendor any more." : `Unknown operation ${job.operation}.`;
    await db.bulkRow.updateMany({
      where: { jobId, ...stepRows, status: { in: ["pending", "sending"] } },
      data: { status: "failed", vendorMessage: error, finishedAt: new Date() },
    });
    if (opts.step) return "failed";
    await db.bulkJob.update({ where: { id: jobId }, data: { status: "failed", error, finishedAt: new Date() } });
    return "failed";
  }
  const confirmer = job.confirmedById ? await loadStaff(db, job.confirmedById) : null;
  const actor = confirmer && { id: confirmer.id, email: confirmer.email, name: confirmer.name };
  const ctx: ApplyContext = { db, tenantId: job.tenantId, connection };
  await db.bulkJob.update({
    where: { id: jobId },
    data: { status: job.cancelRequested ? "cancelling" : "running", startedAt: job.startedAt ?? new Date() },
  });

  const pool = pgPoolOf(db);
  if (!pool) {
    throw new Error(
      "applyBulkJob needs a client made by createPrismaClient (it writes results on the client's own pool).",
    );
  }
  const { tenantId, changeReason } = job;
  return { db, pool, jobId, tenantId, op, ctx, confirmer, actor, changeReason, stepRows, opts };
}

/** Rows a cancel left unsent end cancelled; the job ends (a runbook step leaves that to the runbook). */
export async function finishJob(job: RunningJob, cancelled: boolean): Promise<"completed" | "cancelled"> {
  const { db, jobId, opts } = job;
  if (cancelled) {
    await db.bulkRow.updateMany({
      where: { jobId, status: "pending" },
      data: { status: "cancelled", vendorMessage: "Cancelled before it was sent.", finishedAt: new Date() },
    });
  }
  const status = cancelled ? "cancelled" : "completed";
  if (opts.step) return status;
  await db.bulkJob.update({ where: { id: jobId }, data: { status, finishedAt: new Date() } });
  opts.log?.(`bulk ${jobId} ${status}`);
  return status;
}
