"use server";
import { z } from "zod";
import { ActionError, action } from "../actions/action";
import { bulkJobKind } from "../bulk/catalogue";
import { confirmJob } from "../bulk/confirm";
import { undoableRows } from "../bulk/undo-state";
import { db } from "../db";
import { INVERSES } from "../undo/registry";
import { undoEvent } from "../undo/undo-event";
import { planOffboarding } from "./plan";
import { OFFBOARDING_ID } from "./step-list";
import { verificationTargets, verifyJob } from "./verify";

// Offboarding reaches every vendor at once and deletes TruU devices: each
// action here needs offboarding.run (admins), checked by the wrapper.

const Tenant = z.object({ tenantId: z.string().min(1) });

/** Plans the offboarding of one person from their page. Nothing is sent: the job page shows the plan to confirm. */
export const planPersonOffboarding = action(
  {
    name: "offboarding.planned",
    perm: "offboarding.run",
    input: Tenant.extend({ personId: z.string().min(1) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "person", id: i.personId }] }),
  },
  async ({ tenantId, personId }, ctx) => {
    // Tenant scope lives in the query: another tenant's person is "not found".
    const person = await db().person.findFirst({ where: { id: personId, tenantId } });
    if (!person) throw new ActionError("Not found.");
    const res = await planOffboarding(db(), {
      tenantId,
      staffId: ctx.staff.id,
      fileName: person.emailNorm,
      people: [{ line: 1, value: person.emailNorm }],
    });
    if (!res.ok) throw new ActionError(res.error);
    ctx.audit.targets = [
      { type: "person", id: person.emailNorm, label: person.displayName ?? person.emailNorm },
      { type: "bulk_job", id: res.jobId, label: "Offboarding" },
    ];
    ctx.audit.after = { counts: res.counts };
    return { jobId: res.jobId, counts: res.counts };
  },
);

const JobRef = Tenant.extend({ jobId: z.string().min(1) });

async function offboardingJob(tenantId: string, jobId: string) {
  const job = await db().bulkJob.findFirst({ where: { id: jobId, tenantId, operation: OFFBOARDING_ID } });
  if (!job) throw new ActionError("Not found.");
  return job;
}

/** Confirms an offboarding plan: its number of steps to send must be typed. */
export const confirmOffboarding = action(
  {
    name: "offboarding.confirmed",
    perm: "offboarding.run",
    change: true,
    input: JobRef.extend({ typedCount: z.string().trim().optional() }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "bulk_job", id: i.jobId }] }),
  },
  async ({ tenantId, jobId, typedCount }, ctx) =>
    confirmJob(await offboardingJob(tenantId, jobId), bulkJobKind(OFFBOARDING_ID)!, typedCount, ctx),
);

/**
 * Undoes the reversible steps of a job (all of them, or the rows given), the
 * last step first: devices unblocked and groups given back before the
 * identity is reactivated. Each undo runs the step's registered inverse, so
 * it is authorised and audited as a console action; the ones refused are
 * reported with their reason.
 */
export const undoOffboarding = action(
  {
    name: "offboarding.undone",
    perm: "offboarding.run",
    mode: "external",
    input: JobRef.extend({ rowIds: z.array(z.string().min(1)).max(1000).optional() }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "bulk_job", id: i.jobId }] }),
  },
  async ({ tenantId, jobId, rowIds }, ctx) => {
    const job = await offboardingJob(tenantId, jobId);
    const rows = (await undoableRows(db(), job.id)).filter(
      (r) => r.undo === "available" && (!rowIds || rowIds.includes(r.rowId)),
    );
    if (!rows.length) throw new ActionError("Nothing left to undo in this job.");
    const failed: { line: number; error: string }[] = [];
    let undone = 0;
    for (const r of rows.sort((a, b) => b.line - a.line)) {
      const res = await undoEvent(db(), ctx.staff, r.eventId, INVERSES, undefined, ctx.changeReason);
      if (res.ok) undone++;
      else failed.push({ line: r.line, error: res.error });
    }
    ctx.audit.after = { undone, failed };
    return { undone, failed };
  },
);

/**
 * Reads every vendor back for every person of a job, as the worker does after the steps: after a vendor's own
 * delay (an identity provider's sync), or once what remained was removed by hand. Nothing is changed.
 */
export const verifyOffboarding = action(
  {
    name: "offboarding.verified",
    perm: "offboarding.run",
    mode: "external",
    // Reads only: no reason asked.
    change: false,
    input: JobRef,
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "bulk_job", id: i.jobId }] }),
  },
  async ({ tenantId, jobId }, ctx) => {
    const job = await offboardingJob(tenantId, jobId);
    if (job.status !== "completed") throw new ActionError("The job has not finished: it is read back when it has.");
    const v = await verifyJob(db(), tenantId, job.id, "interactive");
    ctx.audit.targets = verificationTargets(job.id, v);
    ctx.audit.after = v;
    return v.counts;
  },
);
