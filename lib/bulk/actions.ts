"use server";
import { z } from "zod";
import { ActionDenied, ActionError, action } from "../actions/action";
import { can, PERMISSIONS, type Role } from "../auth/permissions";
import { db } from "../db";
import { appBoss } from "../jobs/app-boss";
import { BULK_APPLY_QUEUE, type BulkApplyJob } from "../jobs/queues";
import { bulkJobKind } from "./catalogue";
import { confirmJob } from "./confirm";
import { planBulkJob } from "./plan";
import { uploadRefusal } from "./upload-limits";

// The form checks the same limits before sending; this is for any other
// client. A refusal is a form-level issue, so that the action's error is the
// limit's own message. (A body over next.config.js's serverActions
// bodySizeLimit, set well above the file limit, never reaches this code:
// proxy.ts answers it with a 413 that says so, lib/http/action-body-limit.ts.)
const Upload = z
  .object({
    tenantId: z.string().min(1),
    operation: z.string().min(1).max(100),
    file: z.instanceof(File, { message: "Choose a CSV file." }),
  })
  .superRefine(({ file }, ctx) => {
    const refused = uploadRefusal(file);
    if (refused) ctx.addIssue({ code: "custom", message: refused });
  });

/** Upload → plan. Nothing reaches the vendor: the plan is stored for the staff member to read and confirm. */
export const planBulkUpload = action(
  {
    name: "bulk.planned",
    perm: "bulk.apply",
    input: Upload,
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "bulk_operation", id: i.operation, label: i.file.name }] }),
  },
  async ({ tenantId, operation, file }, ctx) => {
    const op = bulkJobKind(operation);
    if (!op) throw new ActionError("Unknown operation.");
    if (op.vendor) ctx.audit.vendor = op.vendor;
    requireOperationRole(op, ctx.staff.role);
    // Planning reads the cache in batches outside the wrapper's transaction; the job and its rows are written in one.
    const upload = {
      tenantId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      staffId: ctx.staff.id,
    };
    const res = op.runbook
      ? await op.runbook.planCsv(db(), upload)
      : await planBulkJob(db(), { ...upload, operationId: op.id });
    if (!res.ok) throw new ActionError(res.error);
    ctx.audit.targets = [{ type: "bulk_job", id: res.jobId, label: `${op.label}: ${file.name}` }];
    ctx.audit.after = { operation: op.id, fileName: file.name, counts: res.counts };
    return { jobId: res.jobId, counts: res.counts };
  },
);

const JobRef = z.object({ tenantId: z.string().min(1), jobId: z.string().min(1) });

async function jobOf(tenantId: string, jobId: string) {
  // Tenant scope lives in the query: another tenant's job is "not found".
  const job = await db().bulkJob.findFirst({ where: { id: jobId, tenantId } });
  if (!job) throw new ActionError("Not found.");
  return job;
}

/**
 * An operation whose page action is for a higher role (or a runbook, which reaches several vendors) asks that role
 * here too.
 */
function requireOperationRole(op: { perm?: keyof typeof PERMISSIONS; label: string }, role: Role) {
  if (op.perm && !can(role, op.perm))
    throw new ActionDenied(
      `${op.label} needs the ${PERMISSIONS[op.perm]} role, as the console page does.`,
      `role ${role} lacks ${op.perm} for ${op.label}`,
    );
}

async function enqueue(jobId: string) {
  return (await appBoss()).send(BULK_APPLY_QUEUE, { jobId } satisfies BulkApplyJob, { singletonKey: jobId });
}

/** Confirms a plan: a destructive plan over 10 rows needs its row count typed. */
export const confirmBulkJob = action(
  {
    name: "bulk.confirmed",
    perm: "bulk.apply",
    change: true,
    input: JobRef.extend({ typedCount: z.string().trim().optional() }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "bulk_job", id: i.jobId }] }),
  },
  async ({ tenantId, jobId, typedCount }, ctx) => {
    const job = await jobOf(tenantId, jobId);
    const op = bulkJobKind(job.operation);
    if (!op) throw new ActionError("Unknown operation.");
    requireOperationRole(op, ctx.staff.role);
    return confirmJob(job, op, typedCount, ctx);
  },
);

/** Stops after the chunk in flight; rows not sent end "cancelled". */
export const cancelBulkJob = action(
  {
    name: "bulk.cancelled",
    perm: "bulk.apply",
    input: JobRef,
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "bulk_job", id: i.jobId }] }),
  },
  async ({ tenantId, jobId }, ctx) => {
    const job = await jobOf(tenantId, jobId);
    if (!["queued", "running"].includes(job.status))
      throw new ActionError("Only a queued or running job can be cancelled.");
    await ctx.db.bulkJob.update({ where: { id: jobId }, data: { cancelRequested: true, status: "cancelling" } });
    return { cancelling: true };
  },
);

/** Sends the failed and unknown rows of a finished job again, as a new attempt of the same job. */
export const retryFailedRows = action(
  {
    name: "bulk.retried",
    perm: "bulk.apply",
    input: JobRef,
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "bulk_job", id: i.jobId }] }),
  },
  async ({ tenantId, jobId }, ctx) => {
    const job = await jobOf(tenantId, jobId);
    const kind = bulkJobKind(job.operation);
    if (kind) requireOperationRole(kind, ctx.staff.role);
    if (!["completed", "cancelled", "failed"].includes(job.status))
      throw new ActionError("Wait for the job to finish before retrying its failed rows.");
    const { count } = await db().bulkRow.updateMany({
      where: { jobId, status: { in: ["failed", "unknown", "cancelled"] }, plan: { in: ["create", "update"] } },
      data: { status: "pending" },
    });
    if (count === 0) throw new ActionError("No failed rows to retry.");
    await db().bulkJob.update({
      where: { id: jobId },
      data: { status: "queued", cancelRequested: false, finishedAt: null },
    });
    await enqueue(jobId);
    ctx.audit.after = { rows: count };
    return { rows: count };
  },
);
