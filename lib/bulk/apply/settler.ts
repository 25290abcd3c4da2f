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
  /** Results cannot be recorded: lanes stop sending; the retry's resume settles what is in flight. */
  broken = false;
  private readonly done: ChunkResult[] = [];
  private lanesLeft = 0;
  private wake: (() => void) | null = null;
  // Backpressure: lanes wait while more than a few batches of results are waiting to be written.
  private readonly gate = { waiting: [] as (() => void)[] };

  constructor(private readonly job: RunningJob) {}

  /**
   * A batch's results made ready to write: final statuses, audit events
   * (validated, hashed text written), rows for the cache.
   */
  private prepare(rows: RowRecord[], outcomes: RowResult[], parsed = rows.map((r) => this.job.op.row.parse(r.input))) {
    const { op, jobId, tenantId, actor } = this.job;
    const finals: Final[] = rows.map((r, i) => ({ id: r.id, ...outcomes[i] }));
    const events = rows.map((r, i) =>
      rowAuditEvent(op, parsed[i], { before: r.before, after: r.after }, outcomes[i], { jobId, tenantId, actor }),
    );
    return {
      finals,
      audit: prepareAuditEvents(events),
      ok: parsed.filter((_, i) => outcomes[i].status === "succeeded"),
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
      batch.ok.length && op.afterSuccess && confirmer ? op.afterSuccess(db, tenantId, batch.ok, confirmer) : undefined,
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

  /** Rows whose results wait for the settler. */
  backlog() {
    return this.done.reduce((n, d) => n + d.rows.length, 0);
  }

  /** A lane's chunk is answered: its results join the next batch. */
  push(result: ChunkResult) {
    this.done.push(result);
    this.signal();
  }

  /** A lane has stopped: once none is left and every result is written, the settler ends. */
  laneEnded() {
    this.lanesLeft--;
    this.signal();
  }

  /** Holds a lane back while the backlog is over MAX_BACKLOG_ROWS (and results can still be written). */
  async waitForRoom() {
    const stats = this.job.opts.stats;
    const waitStarted = performance.now();
    while (this.backlog() > MAX_BACKLOG_ROWS && !this.broken) await new Promise<void>((r) => this.gate.waiting.push(r));
    if (stats) stats.backpressureMs += performance.now() - waitStarted;
  }

  private release() {
    for (const r of this.gate.waiting.splice(0)) r();
  }

  private signal() {
    this.wake?.();
    this.wake = null;
  }

  /** Writes results as `lanes` lanes push them, until every lane has ended and everything is written. */
  start(lanes: number): Promise<void> {
    this.lanesLeft = lanes;
    // The settler makes the next batch ready (validation, hashed text: CPU
    // here) while the last one is being written (work in Postgres).
    let writing: Promise<void> | null = null;
    return (async () => {
      for (;;) {
        if (this.done.length === 0) {
          if (writing) {
            await writing;
            writing = null;
            continue;
          }
          if (this.lanesLeft === 0) return;
          await new Promise<void>((r) => {
            this.wake = r;
          });
          continue;
        }
        let take = 0;
        for (let rows = 0; take < this.done.length && rows < SETTLE_BATCH_ROWS; take++)
          rows += this.done[take].rows.length;
        const batch = this.done.splice(0, Math.max(1, take));
        this.release();
        const stop = (err: unknown) => {
          this.broken = true;
          this.release();
          throw err;
        };
        try {
          const parsed = batch.every((b) => b.parsed) ? batch.flatMap((b) => b.parsed!) : undefined;
          const rows = batch.flatMap((b) => b.rows);
          const ready = this.prepare(
            rows,
            batch.flatMap((b) => b.outcomes),
            parsed,
          );
          if (writing) await writing;
          writing = this.write(ready).catch(stop);
          writing.catch(() => {}); // awaited before the next write or when the lanes are done
        } catch (err) {
          stop(err);
        }
      }
    })();
  }
}
