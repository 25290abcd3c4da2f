import { recordAuditMany } from "../audit/record";
import type { AuditEventInput } from "../audit/event";
import { loadStaff } from "../auth/staff";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { VendorError } from "../vendors/core/vendor-error";
import { loadConnection } from "../vendors/load-connection";
import { bulkOperation, bulkRunbook } from "./catalogue";
import type { ApplyContext, BulkOperation, RowOutcome } from "./operation";
import { applyRunbook } from "./runbook";

type RowRecord = { id: string; line: number; input: Prisma.JsonValue; before: Prisma.JsonValue; after: Prisma.JsonValue };
type Final = { id: string; status: "succeeded" | "failed" | "unknown"; message: string };

const SETTLE_BATCH_ROWS = 1000;
const FINAL_JOB = ["completed", "cancelled", "failed"];

export interface ApplyOptions {
  /** Chunks in flight at once. */
  concurrency?: number;
  signal?: AbortSignal;
  log?: (msg: string) => void;
  /** Within a runbook job: apply only this step's rows, and leave the job's final status to the runbook. */
  step?: string;
}

/** Claims the next pending rows of a job for sending; concurrent claimers (workers, chunks) never get the same row. */
async function claim(db: Db, jobId: string, size: number, step: string | null = null): Promise<RowRecord[]> {
  return db.$queryRaw<RowRecord[]>`
    UPDATE "BulkRow" SET status = 'sending', attempts = attempts + 1, "sentAt" = now()
    WHERE id IN (SELECT id FROM "BulkRow" WHERE "jobId" = ${jobId} AND status = 'pending' AND (${step}::text IS NULL OR operation = ${step}) ORDER BY line LIMIT ${size} FOR UPDATE SKIP LOCKED)
    RETURNING id, line, input, before, after`;
}

async function finish(db: Db, rows: Final[], auditIds: string[]) {
  await db.$executeRaw`
    UPDATE "BulkRow" b SET status = u.status::"BulkRowStatus", "vendorMessage" = u.msg, "finishedAt" = now(), "auditEventId" = u.eid
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.message)}::text[], ${auditIds}::text[]) AS u(id, status, msg, eid)
    WHERE b.id = u.id`;
}

/** What a whole-chunk failure means per row: an unanswered non-repeatable change is in doubt, anything else failed. */
function chunkFailure(op: BulkOperation<Record<string, unknown>>, err: unknown): { status: "failed" | "unknown"; message: string } {
  if (err instanceof VendorError) {
    const inDoubt = !op.repeatable && (err.info.kind === "timeout" || err.info.kind === "network");
    return {
      status: inDoubt ? "unknown" : "failed",
      message: inDoubt ? `No answer from the vendor (${err.vendorMessage}); it may or may not have applied this row. Check, then retry if needed.` : err.vendorMessage + (err.status ? ` (HTTP ${err.status})` : ""),
    };
  }
  return { status: "failed", message: err instanceof Error ? err.message : String(err) };
}

/**
 * Applies a confirmed job: rows left "sending" by a crash are settled first
 * (resent only if repeatable; otherwise checked at the vendor or marked
 * unknown), then pending rows go out in vendor-sized chunks, a few at a time.
 * Every row gets one final status and one audit event linked to the job.
 */
export async function applyBulkJob(db: Db, jobId: string, opts: ApplyOptions = {}): Promise<"completed" | "cancelled" | "failed" | "skipped"> {
  const job = await db.bulkJob.findUnique({ where: { id: jobId } });
  if (!job || FINAL_JOB.includes(job.status) || job.status === "planned") return "skipped";
  const runbook = opts.step ? null : bulkRunbook(job.operation);
  if (runbook) return applyRunbook(db, jobId, runbook, (step) => applyBulkJob(db, jobId, { ...opts, step }));
  const stepRows = opts.step ? { operation: opts.step } : {};
  const op = bulkOperation(opts.step ?? job.operation);
  const connection = op && (await loadConnection(db, job.tenantId, op.vendor));
  if (!op || !connection) {
    const error = op ? "The tenant has no connection to this vendor any more." : `Unknown operation ${job.operation}.`;
    await db.bulkRow.updateMany({ where: { jobId, ...stepRows, status: { in: ["pending", "sending"] } }, data: { status: "failed", vendorMessage: error, finishedAt: new Date() } });
    if (opts.step) return "failed";
    await db.bulkJob.update({ where: { id: jobId }, data: { status: "failed", error, finishedAt: new Date() } });
    return "failed";
  }
  const confirmer = job.confirmedById ? await loadStaff(db, job.confirmedById) : null;
  const actor = confirmer && { id: confirmer.id, email: confirmer.email, name: confirmer.name };
  const ctx: ApplyContext = { db, tenantId: job.tenantId, connection };
  await db.bulkJob.update({ where: { id: jobId }, data: { status: job.cancelRequested ? "cancelling" : "running", startedAt: job.startedAt ?? new Date() } });

  const settle = async (rows: RowRecord[], outcomes: ({ status: Final["status"]; message: string; after?: unknown })[]) => {
    const finals: Final[] = rows.map((r, i) => ({ id: r.id, ...outcomes[i] }));
    const events: AuditEventInput[] = rows.map((r, i) => {
      const o = outcomes[i];
      const row = op.row.parse(r.input);
      // A vendor's answer (o.after), when the apply gave one, is what the row became; otherwise the plan says it.
      const plan = { before: r.before, after: o.after !== undefined ? o.after : r.after };
      const values = op.audit.values?.(row, plan, { status: o.status, message: o.message }) ?? plan;
      const base = {
        action: op.audit.action, actor, tenantId: job.tenantId, vendor: op.vendor, jobId,
        targets: [op.audit.target(row, plan)].flat(), before: values.before ?? undefined, after: values.after ?? undefined,
      };
      return o.status === "succeeded" ? { ...base, outcome: "success" as const } : { ...base, outcome: "failure" as const, reason: o.message };
    });
    const ids = await recordAuditMany(db, events);
    await finish(db, finals, ids.map((e) => e.id));
    const ok = rows.filter((_, i) => outcomes[i].status === "succeeded");
    if (ok.length && op.afterSuccess && confirmer) await op.afterSuccess(db, job.tenantId, ok.map((r) => op.row.parse(r.input)), confirmer);
  };

  // Rows a crash left in flight.
  const inDoubt = await db.bulkRow.findMany({ where: { jobId, ...stepRows, status: "sending" }, select: { id: true, line: true, input: true, before: true, after: true } });
  if (inDoubt.length) {
    if (op.repeatable) {
      await db.bulkRow.updateMany({ where: { id: { in: inDoubt.map((r) => r.id) } }, data: { status: "pending" } });
    } else {
      const verdicts = await Promise.all(inDoubt.map((r) => (op.check ? op.check(ctx, op.row.parse(r.input)).catch(() => null) : Promise.resolve(null))));
      const resend = inDoubt.filter((_, i) => verdicts[i] === false);
      if (resend.length) await db.bulkRow.updateMany({ where: { id: { in: resend.map((r) => r.id) } }, data: { status: "pending" } });
      const decided = inDoubt.map((r, i) => ({ r, v: verdicts[i] })).filter((x) => x.v !== false);
      if (decided.length) {
        await settle(decided.map((x) => x.r), decided.map((x) => x.v === true
          ? { status: "succeeded" as const, message: "Applied before the console restarted (checked at the vendor)." }
          : { status: "unknown" as const, message: "The console stopped while sending this row and the vendor cannot be asked whether it applied; it was not resent. Check, then retry if needed." }));
      }
    }
  }

  const concurrency = Math.max(1, opts.concurrency ?? Number(process.env.CONSOLE_BULK_CONCURRENCY ?? 4));
  let cancelled = false;
  // Lanes send; one settler writes results. Chunks that finish while the
  // settler is writing are written together next time: the audit chain's
  // lock and the round trips are paid per batch, not per chunk, and sending
  // never waits for bookkeeping. A crash before a batch is written leaves its
  // rows "sending", which the resume above settles.
  const done: { rows: RowRecord[]; outcomes: { status: Final["status"]; message: string; after?: unknown }[] }[] = [];
  let lanesLeft = concurrency;
  let wake: (() => void) | null = null;
  // Backpressure: lanes wait while more than a few batches of results are waiting to be written.
  const gate = { waiting: [] as (() => void)[] };
  const release = () => { for (const r of gate.waiting.splice(0)) r(); };
  const backlog = () => done.reduce((n, d) => n + d.rows.length, 0);
  const signal = () => { wake?.(); wake = null; };
  let broken = false;
  const settler = (async () => {
    for (;;) {
      if (done.length === 0) {
        if (lanesLeft === 0) return;
        await new Promise<void>((r) => { wake = r; });
        continue;
      }
      // At most ~1,000 rows per write: one audit append and one status update stay small.
      let take = 0;
      for (let rows = 0; take < done.length && rows < SETTLE_BATCH_ROWS; take++) rows += done[take].rows.length;
      const batch = done.splice(0, Math.max(1, take));
      release();
      try {
        await settle(batch.flatMap((b) => b.rows), batch.flatMap((b) => b.outcomes));
      } catch (err) {
        // Results cannot be recorded: stop sending; the retry's resume settles what is in flight.
        broken = true;
        release();
        throw err;
      }
    }
  })();
  const lane = async () => {
    try {
      for (;;) {
        if (opts.signal?.aborted || broken) return;
        while (backlog() > 2 * SETTLE_BATCH_ROWS && !broken) await new Promise<void>((r) => gate.waiting.push(r));
        const state = await db.bulkJob.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
        if (state?.cancelRequested) { cancelled = true; return; }
        const rows = await claim(db, jobId, op.chunkSize, opts.step);
        if (rows.length === 0) return;
        let outcomes: { status: Final["status"]; message: string; after?: unknown }[];
        try {
          const res: RowOutcome[] = await op.apply(ctx, rows.map((r) => op.row.parse(r.input)), rows.map((r) => ({ before: r.before, after: r.after })));
          outcomes = res.map((o) => ({ status: o.ok ? "succeeded" : "failed", message: o.message, after: o.after }));
        } catch (err) {
          const f = chunkFailure(op, err);
          outcomes = rows.map(() => f);
        }
        done.push({ rows, outcomes });
        signal();
      }
    } finally {
      lanesLeft--;
      signal();
    }
  };
  await Promise.all([...Array.from({ length: concurrency }, lane), settler]);
  // pg-boss retries the job; rows in flight are settled by the resume.
  if (opts.signal?.aborted) throw new Error(`bulk ${jobId} interrupted; it resumes on retry`);

  if (cancelled) {
    await db.bulkRow.updateMany({ where: { jobId, status: "pending" }, data: { status: "cancelled", vendorMessage: "Cancelled before it was sent.", finishedAt: new Date() } });
  }
  const status = cancelled ? "cancelled" : "completed";
  if (opts.step) return status;
  await db.bulkJob.update({ where: { id: jobId }, data: { status, finishedAt: new Date() } });
  opts.log?.(`bulk ${jobId} ${status}`);
  return status;
}

/** Row counts by status, for the progress bar. */
export async function bulkProgress(db: Db, jobId: string) {
  const groups = await db.bulkRow.groupBy({ by: ["status"], where: { jobId }, _count: true });
  const by = Object.fromEntries(groups.map((g) => [g.status, g._count])) as Record<string, number>;
  return {
    pending: by.pending ?? 0, sending: by.sending ?? 0, succeeded: by.succeeded ?? 0, failed: by.failed ?? 0,
    unknown: by.unknown ?? 0, skipped: by.skipped ?? 0, cancelled: by.cancelled ?? 0,
  };
}
