import type { Permission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { ColumnSpec } from "./headers";
import type { BulkOperation, PlanKind } from "./operation";

/**
 * A job made of several bulk operations run one after another (offboarding:
 * suspend the identity, then remove access, then devices). Its rows each
 * carry their step's operation (BulkRow.operation); the steps are applied in
 * order by the same lanes and settler as any bulk job, each with its own
 * vendor connection, audit action and cache update.
 */
export interface BulkRunbook {
  id: string;
  label: string;
  description: string;
  /** Who may plan, confirm or retry it: runbooks reach several vendors at once. */
  perm: Permission;
  destructive: true;
  /** The steps in the order they are applied. */
  steps: BulkOperation<Record<string, unknown>>[];
  /**
   * Run once the steps have run (not after a cancel): offboarding reads every vendor back. A failure here is logged
   * and leaves the job completed: its rows already say what was done.
   */
  afterSteps?: (db: Db, jobId: string) => Promise<void>;
  /** The CSV it takes (e.g. one person per row) and how a CSV becomes a stored plan. */
  columns: ColumnSpec[];
  planCsv: (
    db: Db,
    input: { tenantId: string; staffId: string; fileName: string; bytes: Uint8Array },
  ) => Promise<RunbookPlan>;
}

export type RunbookPlan =
  | { ok: true; jobId: string; counts: Record<PlanKind | "duplicate", number> }
  | { ok: false; error: string };

export type StepRunner = (step: string) => Promise<"completed" | "cancelled" | "failed" | "skipped">;

/**
 * Runs each step's rows in order. A step whose vendor is no longer connected
 * fails its own rows and the next steps still run; a cancel stops the job.
 */
export async function applyRunbook(
  db: Db,
  jobId: string,
  runbook: BulkRunbook,
  runStep: StepRunner,
): Promise<"completed" | "cancelled"> {
  for (const step of runbook.steps) {
    if ((await runStep(step.id)) === "cancelled") {
      await db.bulkRow.updateMany({
        where: { jobId, status: "pending" },
        data: { status: "cancelled", vendorMessage: "Cancelled before it was sent.", finishedAt: new Date() },
      });
      await db.bulkJob.update({ where: { id: jobId }, data: { status: "cancelled", finishedAt: new Date() } });
      return "cancelled";
    }
  }
  await runbook.afterSteps?.(db, jobId).catch((err) => console.error(`[runbook ${runbook.id}] ${jobId}`, err));
  await db.bulkJob.update({ where: { id: jobId }, data: { status: "completed", finishedAt: new Date() } });
  return "completed";
}
