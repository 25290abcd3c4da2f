import type { RowOutcome } from "../operation";
import type { RowResult } from "../row-event";
import { type CancelWatch, type RowClaims, type RowRecord, rowClaims, watchCancel } from "./claim";
import type { RunningJob } from "./job";
import { chunkFailure } from "./outcome";
import { MAX_BACKLOG_ROWS, type Settler } from "./settler";

/**
 * Lanes: each claims a chunk of rows, sends it to the vendor and hands the
 * results to the settler, until no row is left or the job stops (cancel,
 * shutdown, or results that cannot be written).
 */
export class Lanes {
  /** Whether the job stopped on a cancel. */
  cancelled = false;
  /** When the last vendor answer came (performance.now()). */
  lastAnswer = 0;
  // A lane of a repeatable operation claims its next chunk while the current
  // one is at the vendor, so no claim round trip sits between two requests.
  // Claimed rows that were not sent are put back when the job stops; a crash
  // leaves them "sending", which the resume puts back too (they are
  // repeatable). A non-repeatable row is claimed only as it goes out:
  // "sending" then means "may have been sent", and it is never resent blindly.
  private readonly claimAhead: boolean;
  // Cancel is then also watched between claims, so that a chunk claimed
  // ahead is not sent after the staff member pressed Cancel.
  private readonly watch: CancelWatch | null;
  private readonly claims: RowClaims;

  constructor(
    private readonly job: RunningJob,
    private readonly settler: Settler,
  ) {
    this.claimAhead = job.op.repeatable;
    this.watch = this.claimAhead ? watchCancel(job.pool, job.jobId) : null;
    this.claims = rowClaims(job.pool, job.jobId, job.op.chunkSize, job.opts.step ?? null);
  }

  /** Runs `concurrency` lanes until each has stopped. */
  async run(concurrency: number) {
    await Promise.all(Array.from({ length: concurrency }, () => this.lane()));
  }

  stopWatching() {
    this.watch?.stop();
  }

  private cancelSeen() {
    return this.watch?.seen() ?? false;
  }

  private stopped() {
    return this.job.opts.signal?.aborted || this.settler.failed || this.cancelSeen();
  }

  private async lane() {
    const { db, jobId, op, ctx } = this.job;
    const stats = this.job.opts.stats;
    const { settler, claims } = this;
    let ahead: Promise<RowRecord[]> | null = null;
    try {
      for (;;) {
        if (this.stopped()) break;
        if (settler.full()) {
          await settler.roomForMore();
          continue;
        }
        const claimStarted = performance.now();
        const rows = await (ahead ?? claims.next());
        ahead = null;
        if (stats) stats.claimMs += performance.now() - claimStarted;
        if (rows.length === 0) {
          const state = await db.bulkJob.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
          if (state?.cancelRequested) this.cancelled = true;
          return;
        }
        if (this.stopped()) {
          await claims.unclaim(rows);
          break;
        }
        if (this.claimAhead && settler.backlog() + 2 * rows.length <= MAX_BACKLOG_ROWS) ahead = claims.next();
        const sendStarted = performance.now();
        let outcomes: RowResult[];
        let parsed: Record<string, unknown>[] | undefined;
        try {
          parsed = rows.map((r) => op.row.parse(r.input));
          const plans = rows.map((r) => ({ before: r.before, after: r.after }));
          const res: RowOutcome[] = await op.apply(ctx, parsed, plans);
          outcomes = res.map((o) => ({ status: o.ok ? "succeeded" : "failed", message: o.message, after: o.after }));
        } catch (err) {
          const f = chunkFailure(op, err);
          outcomes = rows.map(() => f);
        }
        this.lastAnswer = performance.now();
        if (stats) {
          stats.sendMs += this.lastAnswer - sendStarted;
          stats.chunks++;
        }
        settler.push({ rows, parsed, outcomes });
      }
      if (this.cancelSeen()) this.cancelled = true;
    } finally {
      // Rows claimed ahead and never sent go back to pending (a cancel then marks them cancelled).
      const left = ahead && (await (ahead as Promise<RowRecord[]>).catch(() => []));
      if (left?.length) await claims.unclaim(left).catch(() => {});
    }
  }
}
