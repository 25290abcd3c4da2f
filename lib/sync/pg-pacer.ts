import type pg from "pg";
import type { PaceKind, PaceLimit, Pacer } from "../vendors/twingate/pacer";

/**
 * A rolling-window pacer whose state is in Postgres, so that every worker
 * calling with the same vendor credential shares one budget: two workers with
 * in-process pacers would send twice the vendor's limit. Each grant is a row
 * in PacerSlot, numbered within its key; grants for one key are serialised by
 * an advisory lock and timed by the database clock, inside pacer_try_grant()
 * (a migration), which finds the limit-th newest grant by its number.
 */
export class PgPacer implements Pacer {
  constructor(
    private readonly pool: pg.Pool,
    /** The credential being paced, e.g. `twingate:<tenant id>`. */
    private readonly key: string,
    private readonly limits: Record<PaceKind, PaceLimit>,
    /** Slack for time on the wire before the vendor counts a call. */
    private readonly marginMs = 250,
    private readonly signal?: AbortSignal,
  ) {}

  async acquire(kind: PaceKind): Promise<void> {
    const key = `${this.key}:${kind}`;
    const { limit, windowMs } = this.limits[kind];
    const window = windowMs + this.marginMs;
    for (;;) {
      this.signal?.throwIfAborted();
      const wait = await this.tryGrant(key, limit, window);
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, Math.min(wait, 5_000)));
    }
  }

  /** 0 when granted, else the milliseconds until the oldest grant in the window leaves it (one round trip). */
  private async tryGrant(key: string, limit: number, windowMs: number): Promise<number> {
    const { rows } = await this.pool.query<{ wait: number }>("SELECT pacer_try_grant($1, $2, $3) AS wait", [key, limit, windowMs]);
    // Old grants matter to nobody; trim now and then rather than on every call.
    if (Math.random() < 0.01) await this.pool.query(`DELETE FROM "PacerSlot" WHERE key = $1 AND at < clock_timestamp() - interval '1 hour'`, [key]);
    return rows[0].wait;
  }
}
