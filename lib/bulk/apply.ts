import type pg from "pg";
import { prepareAuditEvents, recordAuditManyPg } from "../audit/record";
import { loadStaff } from "../auth/staff";
import { pgPoolOf, type Db } from "../db/client";
import { VendorError } from "../vendors/core/vendor-error";
import { loadConnection } from "../vendors/load-connection";
import { bulkOperation, bulkRunbook } from "./catalogue";
import type { ApplyContext, BulkOperation, RowOutcome } from "./operation";
import { rowAuditEvent, type RowResult } from "./row-event";
import { applyRunbook } from "./runbook";

type Json = unknown;
type RowRecord = { id: string; line: number; input: Json; before: Json; after: Json };
type Final = { id: string; status: "succeeded" | "failed" | "unknown"; message: string };

const SETTLE_BATCH_ROWS = 1000;
const CANCEL_POLL_MS = 250;
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

/** Milliseconds of wall time by activity; lanes overlap, so lane figures add up across lanes. */
export interface ApplyStats {
  /** Lanes waiting for the vendor. */
  sendMs: number;
  /** Chunks sent (vendor requests, or calls for one-row chunks). */
  chunks: number;
  /** Lanes waiting for rows to be claimed in Postgres (a claim made ahead, while sending, costs nothing here). */
  claimMs: number;
  /** Lanes held back because results were not yet written. */
  backpressureMs: number;
  /** The settler writing results: statuses and audit events, then the cache. */
  settleMs: number;
  settleBatches: number;
  /** From the last vendor answer to the job's end: the writes that sending could not hide. */
  tailMs: number;
}

export const newApplyStats = (): ApplyStats => ({ sendMs: 0, chunks: 0, claimMs: 0, backpressureMs: 0, settleMs: 0, settleBatches: 0, tailMs: 0 });

/**
 * Claims the next pending rows of a job for sending; concurrent claimers
 * (workers, chunks) never get the same row. Nothing is claimed once cancel
 * was asked for: the cancel check costs no round trip of its own. `after`:
 * only rows past this line (what this run claimed last), so that the index
 * scan starts at the first pending row instead of stepping over every row
 * claimed before it.
 */
async function claim(pool: pg.Pool, jobId: string, size: number, step: string | null, after: number): Promise<RowRecord[]> {
  const res = await pool.query<RowRecord>(`
    UPDATE "BulkRow" SET status = 'sending', attempts = attempts + 1, "sentAt" = now()
    WHERE id IN (
      SELECT id FROM "BulkRow" WHERE "jobId" = $1 AND status = 'pending' AND line > $4 AND ($2::text IS NULL OR operation = $2)
        AND NOT EXISTS (SELECT 1 FROM "BulkJob" j WHERE j.id = $1 AND j."cancelRequested")
      ORDER BY line LIMIT $3 FOR UPDATE SKIP LOCKED)
    RETURNING id, line, input, before, after`, [jobId, step, size, after]);
  return res.rows.sort((a, b) => a.line - b.line);
}

/** Final statuses with their audit events' ids: one statement, in the audit batch's transaction. */
async function finish(client: pg.PoolClient, rows: Final[], auditIds: string[]) {
  await client.query(`
    UPDATE "BulkRow" b SET status = u.status::"BulkRowStatus", "vendorMessage" = u.msg, "finishedAt" = now(), "auditEventId" = u.eid
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, status, msg, eid)
    WHERE b.id = u.id`, [rows.map((r) => r.id), rows.map((r) => r.status), rows.map((r) => r.message), auditIds]);
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

  const stats = opts.stats;
  const pool = pgPoolOf(db);
  if (!pool) throw new Error("applyBulkJob needs a client made by createPrismaClient (it writes results on the client's own pool).");
  // A batch's cache update (afterSuccess) runs while the next batch's results
  // are written, on another connection; each settle waits for the one before
  // it, so a failure surfaces there, and the job waits for the last one.
  let cacheWrite: Promise<void> = Promise.resolve();
  /** A batch's results made ready to write: final statuses, audit events (validated, hashed text written), rows for the cache. */
  const prepare = (rows: RowRecord[], outcomes: RowResult[], parsed = rows.map((r) => op.row.parse(r.input))) => {
    const finals: Final[] = rows.map((r, i) => ({ id: r.id, ...outcomes[i] }));
    const events = rows.map((r, i) => rowAuditEvent(op, parsed[i], { before: r.before, after: r.after }, outcomes[i], { jobId, tenantId: job.tenantId, actor }));
    return { finals, audit: prepareAuditEvents(events), ok: parsed.filter((_, i) => outcomes[i].status === "succeeded") };
  };
  const write = async (batch: ReturnType<typeof prepare>) => {
    const started = performance.now();
    // A row's final status commits with its audit event or not at all: a
    // crash between the two can neither leave a finished row without its
    // event nor an event for a row that is then resent.
    await recordAuditManyPg(pool, batch.audit, (client, ids) => finish(client, batch.finals, ids));
    const before = cacheWrite;
    cacheWrite = before.then(() => (batch.ok.length && op.afterSuccess && confirmer ? op.afterSuccess(db, job.tenantId, batch.ok, confirmer) : undefined));
    cacheWrite.catch(() => {}); // observed by the next write or at the end
    await before;
    if (stats) { stats.settleMs += performance.now() - started; stats.settleBatches++; }
  };
  const settle = (rows: RowRecord[], outcomes: RowResult[]) => write(prepare(rows, outcomes));

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
  const done: { rows: RowRecord[]; parsed?: Record<string, unknown>[]; outcomes: RowResult[] }[] = [];
  let lanesLeft = concurrency;
  let wake: (() => void) | null = null;
  // Backpressure: lanes wait while more than a few batches of results are waiting to be written.
  const gate = { waiting: [] as (() => void)[] };
  const release = () => { for (const r of gate.waiting.splice(0)) r(); };
  const backlog = () => done.reduce((n, d) => n + d.rows.length, 0);
  const signal = () => { wake?.(); wake = null; };
  let broken = false;
  // The settler makes the next batch ready (validation, hashed text: CPU
  // here) while the last one is being written (work in Postgres).
  let writing: Promise<void> | null = null;
  const settler = (async () => {
    for (;;) {
      if (done.length === 0) {
        if (writing) {
          await writing;
          writing = null;
          continue;
        }
        if (lanesLeft === 0) return;
        await new Promise<void>((r) => { wake = r; });
        continue;
      }
      // At most ~1,000 rows per write: one audit append and one status update stay small.
      let take = 0;
      for (let rows = 0; take < done.length && rows < SETTLE_BATCH_ROWS; take++) rows += done[take].rows.length;
      const batch = done.splice(0, Math.max(1, take));
      release();
      // Results cannot be recorded: stop sending; the retry's resume settles what is in flight.
      const stop = (err: unknown) => {
        broken = true;
        release();
        throw err;
      };
      try {
        const parsed = batch.every((b) => b.parsed) ? batch.flatMap((b) => b.parsed!) : undefined;
        const ready = prepare(batch.flatMap((b) => b.rows), batch.flatMap((b) => b.outcomes), parsed);
        if (writing) await writing;
        writing = write(ready).catch(stop);
        writing.catch(() => {}); // awaited before the next write or when the lanes are done
      } catch (err) {
        stop(err);
      }
    }
  })();
  let lastAnswer = 0;
  // A lane of a repeatable operation claims its next chunk while the current
  // one is at the vendor, so no claim round trip sits between two requests.
  // Claimed rows that were not sent are put back when the job stops; a crash
  // leaves them "sending", which the resume puts back too (they are
  // repeatable). A non-repeatable row is claimed only as it goes out:
  // "sending" then means "may have been sent", and it is never resent blindly.
  const claimAhead = op.repeatable;
  // Cancel is then also watched between claims, so that a chunk claimed
  // ahead is not sent after the staff member pressed Cancel.
  let cancelSeen = false;
  let polling = false;
  const watch = claimAhead ? setInterval(() => {
    if (polling) return;
    polling = true;
    pool.query<{ cancelRequested: boolean }>(`SELECT "cancelRequested" FROM "BulkJob" WHERE id = $1`, [jobId])
      .then((res) => { if (res.rows[0]?.cancelRequested) cancelSeen = true; }, () => {})
      .finally(() => { polling = false; });
  }, CANCEL_POLL_MS) : null;
  const unclaim = (rows: RowRecord[]) => pool.query(`
    UPDATE "BulkRow" SET status = 'pending', attempts = attempts - 1 WHERE id = ANY($1::text[]) AND status = 'sending'`, [rows.map((r) => r.id)]);
  // The last line claimed by this run: claims look past it first, and once
  // nothing is left there, once more from the start (a row skipped because
  // another claimer held it, whose claim then failed).
  let claimedThrough = 0;
  const claimNext = async (): Promise<RowRecord[]> => {
    let rows = await claim(pool, jobId, op.chunkSize, opts.step ?? null, claimedThrough);
    if (rows.length === 0 && claimedThrough > 0) rows = await claim(pool, jobId, op.chunkSize, opts.step ?? null, 0);
    if (rows.length) claimedThrough = Math.max(claimedThrough, rows[rows.length - 1].line);
    return rows;
  };
  const stopped = () => opts.signal?.aborted || broken || cancelSeen;

  const lane = async () => {
    let ahead: Promise<RowRecord[]> | null = null;
    try {
      for (;;) {
        if (stopped()) break;
        if (backlog() > 2 * SETTLE_BATCH_ROWS) {
          const waitStarted = performance.now();
          while (backlog() > 2 * SETTLE_BATCH_ROWS && !broken) await new Promise<void>((r) => gate.waiting.push(r));
          if (stats) stats.backpressureMs += performance.now() - waitStarted;
          continue;
        }
        const claimStarted = performance.now();
        const rows = await (ahead ?? claimNext());
        ahead = null;
        if (stats) stats.claimMs += performance.now() - claimStarted;
        if (rows.length === 0) {
          const state = await db.bulkJob.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
          if (state?.cancelRequested) cancelled = true;
          return;
        }
        if (stopped()) {
          await unclaim(rows);
          break;
        }
        if (claimAhead && backlog() + 2 * rows.length <= 2 * SETTLE_BATCH_ROWS) ahead = claimNext();
        const sendStarted = performance.now();
        let outcomes: RowResult[];
        let parsed: Record<string, unknown>[] | undefined;
        try {
          parsed = rows.map((r) => op.row.parse(r.input));
          const res: RowOutcome[] = await op.apply(ctx, parsed, rows.map((r) => ({ before: r.before, after: r.after })));
          outcomes = res.map((o) => ({ status: o.ok ? "succeeded" : "failed", message: o.message, after: o.after }));
        } catch (err) {
          const f = chunkFailure(op, err);
          outcomes = rows.map(() => f);
        }
        lastAnswer = performance.now();
        if (stats) { stats.sendMs += lastAnswer - sendStarted; stats.chunks++; }
        done.push({ rows, parsed, outcomes });
        signal();
      }
      if (cancelSeen) cancelled = true;
    } finally {
      // Rows claimed ahead and never sent go back to pending (a cancel then marks them cancelled).
      const left = ahead && (await (ahead as Promise<RowRecord[]>).catch(() => []));
      if (left && left.length) await unclaim(left).catch(() => {});
      lanesLeft--;
      signal();
    }
  };
  try {
    await Promise.all([...Array.from({ length: concurrency }, lane), settler]);
    await cacheWrite;
  } finally {
    if (watch) clearInterval(watch);
    await cacheWrite.catch(() => {});
  }
  if (stats && lastAnswer) stats.tailMs = performance.now() - lastAnswer;
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
