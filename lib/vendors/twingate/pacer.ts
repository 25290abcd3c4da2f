export type PaceKind = "read" | "write";

/**
 * Spaces calls so one API token stays inside Twingate's limits. The default
 * lives in this process; a shared implementation can pace several workers
 * against the same token by implementing this one method.
 */
export interface Pacer {
  /** Resolves when one more call of this kind may be sent. */
  acquire(kind: PaceKind): Promise<void>;
}

export interface PaceLimit {
  limit: number;
  windowMs: number;
}

/** 60 reads and 20 writes per minute (NOTES.md §3). */
export const TWINGATE_LIMITS: Record<PaceKind, PaceLimit> = {
  read: { limit: 60, windowMs: 60_000 },
  write: { limit: 20, windowMs: 60_000 },
};

/**
 * A rolling-window pacer: at most `limit` grants in any `windowMs`. A token
 * bucket would allow up to twice the limit in a rolling minute, which the
 * vendor counts as excess. Waiters are served in arrival order per kind.
 */
export class InProcessPacer implements Pacer {
  private readonly granted: Record<PaceKind, number[]> = { read: [], write: [] };
  private tails: Record<PaceKind, Promise<void>> = { read: Promise.resolve(), write: Promise.resolve() };

  constructor(
    private readonly limits: Record<PaceKind, PaceLimit> = TWINGATE_LIMITS,
    /** Slack for the time a request spends on the wire before the vendor counts it. */
    private readonly marginMs = 250,
  ) {}

  acquire(kind: PaceKind): Promise<void> {
    const turn = this.tails[kind].then(() => this.admit(kind));
    this.tails[kind] = turn.catch(() => undefined);
    return turn;
  }

  private async admit(kind: PaceKind): Promise<void> {
    const { limit, windowMs } = this.limits[kind];
    const times = this.granted[kind];
    for (;;) {
      const now = Date.now();
      while ((times[0] ?? now) <= now - windowMs - this.marginMs) times.shift();
      if (times.length < limit) {
        times.push(now);
        return;
      }
      const oldest = times[0] ?? now;
      await new Promise((r) => setTimeout(r, oldest + windowMs + this.marginMs - now + 1));
    }
  }
}
