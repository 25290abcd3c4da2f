import PQueue from "p-queue";
import type pg from "pg";
import { prepareAuditEvents, recordAuditManyPg } from "../../audit/record";
import { type RowResult, rowAuditEvent } from "../row-event";
import type { RowRecord } from "./claim";
import type { RunningJob } from "./job";

type Final = { id: string; status: "succeeded" | "failed" | "unknown"; message: string };

/** At most ~1,000 rows per write: one audit append and one status update stay small. */
const SETTLE_BATCH_ROWS = 1000;
/** Lanes wait while more than this many rows' results are waiting to be written. */
export const MAX_BACKLOG_ROWS = 2 * SETTLE_BATCH_ROWS;
// The same limit counted in batches, which the queue of batches can wait on:
// a batch is closed once it holds SETTLE_BATCH_ROWS rows, so three waiting
// batches hold two full ones and more (over 2,000 rows exactly when the
// chunk size divides 1,000, as the chunk sizes of 1 and 100 do).
const MAX_WAITING_BATCHES = MAX_BACKLOG_ROWS / SETTLE_BATCH_ROWS + 1;

/** A chunk's rows as sent, with their parsed input when it parsed, and each row's result. */
export interface ChunkResult {
  rows: RowRecord[];
  parsed?: Record<string, unknown>[];
  outcomes: RowResult[];
}

/** Final statuses with their audit events' ids: one statement, in the audit batch's transaction. */
async function finish(client: pg.PoolClient, rows: Final[], auditIds: string[]) {
  await client.query(
    `
    UPDATE "BulkRow" b
    SET status = u.status::"BulkRowStatus", "vendorMessage" = u.msg, "finishedAt" = now(), "auditEventId" = u.eid
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, status, msg, eid)
    WHERE b.id = u.id`,
    [rows.map((r) => r.id), rows.map((r) => r.status), rows.map((r) => r.message), auditIds],
  );
}

/** Chunk results written together: one audit append, one status update. */
interface Batch {
  results: ChunkResult[];
  rows: number;
}

/**
 * Lanes send; one settler writes results. Chunks that finish while the
 * settler is writing are written together next time: the audit chain's
 * lock and the round trips are paid per batch, not per chunk, and sending
 * never waits for bookkeeping. A crash before a batch is written leaves its
 * rows "sending", which the resume settles.
 */
export class Settler {
  // A batch's cache update (afterSuccess) runs while the next batch's results
  // are written, on another connection; each settle waits for the one before
  // it, so a failure surfaces there, and the job waits for the last one.
  cacheWrite: Promise<void> = Promise.resolve();
  /**
   * Batches in the order they are written, taken up one at a time. A batch
   * waits in the queue while the one before it is taken up; results that
   * arrive meanwhile join it until it holds SETTLE_BATCH_ROWS rows.
   */
  private readonly batches = new PQueue({ concurrency: 1 });
  /** The last batch still waiting in the queue, while it has room. */
  private open: Batch | null = null;
  /** Rows in waiting batches. */
  private waitingRows = 0;
  /** The write of the last batch taken up. */
  private written: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(private readonly job: RunningJob) {}

  /**
   * A batch's results made ready to write: final statuses, audit events
   * (validated, hashed text written), rows for the cache.
   */
  private prepare(rows: RowRecord[], outcomes: RowResult[], parsed = rows.map((r) => this.job.op.row.parse(r.input))) {
    const { op, jobId, tenantId, actor, changeReason } = this.job;
    // One outcome and one parsed input per row, in order (the lanes keep them so).
    const settled = rows.map((r, i) => ({
      r,
      o: outcomes[i] ?? { status: "unknown" as const, message: "The apply gave no outcome for this row." },
      row: parsed[i] as Record<string, unknown>,
    }));
    const finals: Final[] = settled.map(({ r, o }) => ({ id: r.id, ...o }));
    const events = settled.map(({ r, o, row }) =>
      rowAuditEvent(op, row, { before: r.before, after: r.after }, o, { jobId, tenantId, actor, changeReason }),
    );
    const succeeded = settled.flatMap(({ r, o, row }) =>
      o.status === "succeeded" ? [{ row, plan: { before: r.before, after: r.after }, o }] : [],
    );
    return {
      finals,
      audit: prepareAuditEvents(events),
      ok: succeeded.map((s) => s.row),
      done: succeeded.map((s) => ({ plan: s.plan, message: s.o.message, after: s.o.after })),
    };
  }

  private async write(batch: ReturnType<Settler["prepare"]>) {
    const { db, pool, op, tenantId, confirmer } = this.job;
    const stats = this.job.opts.stats;
    const started = performance.now();
    // A row's final status commits with its audit event or not at all: a
    // crash between the two can neither leave a finished row without its
    // event nor an event for a row that is then resent.
    await recordAuditManyPg(pool, batch.audit, (client, ids) => finish(client, batch.finals, ids));
    const before = this.cacheWrite;
    this.cacheWrite = before.then(() =>
      batch.ok.length && op.afterSuccess && confirmer
        ? op.afterSuccess(db, tenantId, batch.ok, confirmer, batch.done)
        : undefined,
    );
    this.cacheWrite.catch(() => {}); // observed by the next write or at the end
    await before;
    if (stats) {
      stats.settleMs += performance.now() - started;
      stats.settleBatches++;
    }
  }

  /** Writes these rows' results now. */
  settle(rows: RowRecord[], outcomes: RowResult[]) {
    return this.write(this.prepare(rows, outcomes));
  }

  /** Results cannot be recorded: lanes stop sending; the retry's resume settles what is in flight. */
  get failed() {
    return this.failure !== null;
  }

  /** Rows whose results wait for their batch to be taken up. */
  backlog() {
    return this.waitingRows;
  }

  /** A lane's chunk is answered: its results join the waiting batch, or start one. */
  push(result: ChunkResult) {
    if (this.failure) return;
    this.waitingRows += result.rows.length;
    if (this.open && this.open.rows < SETTLE_BATCH_ROWS) {
      this.open.results.push(result);
      this.open.rows += result.rows.length;
      return;
    }
    const batch: Batch = { results: [result], rows: result.rows.length };
    this.open = batch;
    // Taken up at once when the queue is idle, so the batch holds its first result before it is queued.
    this.batches.add(() => this.takeUp(batch)).catch((err) => this.fail(err));
  }

  /** Whether lanes must wait: more than MAX_BACKLOG_ROWS rows wait to be written. */
  full() {
    return this.batches.size >= MAX_WAITING_BATCHES;
  }

  /** Holds a lane back until a waiting batch is taken up (or results can no longer be written). */
  async roomForMore() {
    const stats = this.job.opts.stats;
    const waitStarted = performance.now();
    await this.batches.onSizeLessThan(MAX_WAITING_BATCHES);
    if (stats) stats.backpressureMs += performance.now() - waitStarted;
  }

  /**
   * A batch's turn: it is made ready (validation, hashed text: CPU here)
   * while the batch before is being written (work in Postgres), then written
   * once that write is done. Its task ends as its write starts, so that the
   * next batch is made ready meanwhile.
   */
  private async takeUp(batch: Batch) {
    if (this.open === batch) this.open = null;
    this.waitingRows -= batch.rows;
    const { results } = batch;
    const parsed = results.every((b) => b.parsed) ? results.flatMap((b) => b.parsed!) : undefined;
    const rows = results.flatMap((b) => b.rows);
    const outcomes = results.flatMap((b) => b.outcomes);
    const ready = this.prepare(rows, outcomes, parsed);
    await this.written;
    this.written = this.write(ready);
    this.written.catch((err) => this.fail(err));
  }

  private fail(error: unknown) {
    if (this.failure) return;
    this.failure = { error };
    // Batches still waiting are not written (their rows stay "sending" for
    // the resume), and lanes held back by them go on to stop.
    this.open = null;
    this.waitingRows = 0;
    this.batches.clear();
  }

  /** Once the lanes have stopped: resolves when every batch is written, or rejects with what stopped the writes. */
  async drained() {
    await this.batches.onIdle();
    await this.written.catch(() => {});
    if (this.failure) throw this.failure.error;
  }
}
