import type { AuditActor, AuditEventInput } from "../audit/event";
import type { BulkOperation, RowPlan } from "./operation";

export interface RowResult {
  status: "succeeded" | "failed" | "unknown";
  message: string;
  /** What the vendor answered the row became, when the apply says more than the plan (RowOutcome.after). */
  after?: unknown;
}

/** The audit event of one applied row: the operation's action, target and values, linked to its job. */
export function rowAuditEvent<R>(
  op: BulkOperation<R>,
  row: R,
  stored: RowPlan,
  result: RowResult,
  job: { jobId: string; tenantId: string; actor: AuditActor | null; changeReason?: string | null },
): AuditEventInput {
  // A vendor's answer, when the apply gave one, is what the row became; otherwise the plan says it.
  const plan = { before: stored.before, after: result.after !== undefined ? result.after : stored.after };
  const values = op.audit.values?.(row, plan, { status: result.status, message: result.message }) ?? plan;
  const base = {
    action: op.audit.action,
    actor: job.actor,
    tenantId: job.tenantId,
    vendor: op.vendor,
    jobId: job.jobId,
    changeReason: job.changeReason ?? null,
    targets: [op.audit.target(row, plan)].flat(),
    before: values.before ?? undefined,
    after: values.after ?? undefined,
  };
  return result.status === "succeeded"
    ? { ...base, outcome: "success" }
    : { ...base, outcome: "failure", reason: result.message };
}
