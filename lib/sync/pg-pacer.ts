import type pg from "pg";
import type { PaceKind, PaceLimit, Pacer } from "../vendors/twingate/pacer";

/** The row of a SELECT without FROM or of an aggregate: there is always exactly one. */
function onlyRow<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error("The pacer's query returned no row.");
  return row;
}

export interface PgPacerOptions {
  /** Slack for time on the wire before the vendor counts a call: each window is this much longer. */
  marginMs?: number;
  signal?: AbortSignal;
  /**
   * Grants to hold ready per kind, taken in the background as one is used,
   * so that a caller under an ample budget does not wait a database round
   * trip before each call (a cursor walk pays it on every page). Held only
   * where the budget is ample (see spareLifetime), and each for at most half
   * the margin: a spare granted a little before its call is sent still falls
   * inside the window the vendor counts.
   */
  ahead?: number;
}

/**
 * A rolling-window pacer whose state is in Postgres, so that every worker
 * calling with the same vendor credential shares one budget: two workers with
 * in-process pacers would send twice the vendor's limit. Each grant is a row
 * in PacerSlot, numbered within its key; grants for one key are serialised by
 * an advisory lock and timed by the database clock, inside pacer_try_grant()
 * (a migration), which finds the limit-th newest grant by its number.
 */
export class PgPacer implements Pacer {
  private readonly marginMs: number;
  private readonly signal: AbortSignal | undefined;
  private readonly ahead: number;
  /** When each spare grant was asked for (performance.now()), oldest first. */
  private readonly spares: Record<PaceKind, number[]> = { read: [], write: [] };
  private readonly refilling: Record<PaceKind, Promise<void> | null> = { read: null, write: null };

  constructor(
    private readonly pool: pg.Pool,
    /** The credential being paced, e.g. `twingate:<tenant id>`. */
    private readonly key: string,
    private readonly limits: Record<PaceKind, PaceLimit>,
    opts: PgPacerOptions = {},
  ) {
    this.marginMs = opts.marginMs ?? 250;
    this.signal = opts.signal;
    this.ahead = Math.max(0, Math.floor(opts.ahead ?? 0));
  }

  async acquire(kind: PaceKind): Promise<void> {
    for (;;) {
      this.signal?.throwIfAborted();
      if (this.takeSpare(kind)) {
        this.refill(kind);
        return;
      }
      const pending = this.refilling[kind];
      if (!pending) break;
      await pending;
    }
    for (;;) {
      this.signal?.throwIfAborted();
      const wait = await this.tryGrant(kind);
      if (wait <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(wait, 5_000)));
    }
    this.refill(kind);
  }

  /**
   * How long a spare may wait for its call: half the margin, and none at all
   * unless the budget gives back at least one grant in that time. Under a
   * tight budget (Twingate's real 60 reads a minute) a spare left unused at
   * the end of a walk would be a call the run could have made.
   */
  private spareLifetime(kind: PaceKind): number {
    const { limit, windowMs } = this.limits[kind];
    const lifetime = this.marginMs / 2;
    return this.ahead > 0 && (limit * lifetime) / windowMs >= 1 ? lifetime : 0;
  }

  private takeSpare(kind: PaceKind): boolean {
    const held = this.spares[kind];
    const fresh = performance.now() - this.spareLifetime(kind);
    // A spare past its lifetime is dropped: sent now, it could reach the vendor outside the window it was counted in.
    while ((held[0] ?? fresh) < fresh) held.shift();
    return held.shift() !== undefined;
  }

  /** Tops the spares up in the background, in one round trip; a refused grant just leaves fewer spares. */
  private refill(kind: PaceKind): void {
    if (this.refilling[kind] || this.spareLifetime(kind) === 0) return;
    const wanted = this.ahead - this.spares[kind].length;
    if (wanted <= 0) return;
    // Dated from before the round trip: the grant is made somewhere within it.
    const askedAt = performance.now();
    this.refilling[kind] = this.grantMany(kind, wanted)
      .then((granted) => {
        for (let i = 0; i < granted; i++) this.spares[kind].push(askedAt);
        return granted === wanted;
      })
      .catch(() => false) // a failed refill leaves the next caller to ask for itself
      .then((allGranted) => {
        this.refilling[kind] = null;
        // Spares used while this round trip was out are replaced at
        // once; once the budget refuses, callers ask for themselves.
        if (allGranted) this.refill(kind);
      });
  }

  /** pacer_try_grant's arguments for a kind: its key, its limit, and its window widened by the margin. */
  private grantArgs(kind: PaceKind): [string, number, number] {
    const { limit, windowMs } = this.limits[kind];
    return [`${this.key}:${kind}`, limit, windowMs + this.marginMs];
  }

  /** 0 when granted, else the milliseconds until the oldest grant in the window leaves it (one round trip). */
  private async tryGrant(kind: PaceKind): Promise<number> {
    const { rows } = await this.pool.query<{ wait: number }>(
      "SELECT pacer_try_grant($1, $2, $3) AS wait",
      this.grantArgs(kind),
    );
    await this.trimNowAndThen(kind, 1);
    return onlyRow(rows).wait;
  }

  /** Up to n grants in one statement (the function's lock is the statement's transaction's); how many were made. */
  private async grantMany(kind: PaceKind, n: number): Promise<number> {
    const { rows } = await this.pool.query<{ granted: number }>(
      "SELECT count(*) FILTER (WHERE wait <= 0)::int AS granted FROM (SELECT " +
        "pacer_try_grant($1, $2, $3) AS wait FROM generate_series(1, $4)) g",
      [...this.grantArgs(kind), n],
    );
    await this.trimNowAndThen(kind, n);
    return onlyRow(rows).granted;
  }

  /** Old grants matter to nobody; trim now and then (about once per hundred grants) rather than on every call. */
  private async trimNowAndThen(kind: PaceKind, grants: number): Promise<void> {
    if (Math.random() < grants / 100) {
      await this.pool.query(`DELETE FROM "PacerSlot" WHERE key = $1 AND at < clock_timestamp() - interval '1 hour'`, [
        `${this.key}:${kind}`,
      ]);
    }
  }
}
