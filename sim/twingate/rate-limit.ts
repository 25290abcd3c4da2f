/** Admits at most `limit` requests in any rolling window, as Twingate's per-minute limits do. */
export class RollingWindowLimiter {
  private readonly times: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records the request when admitted; otherwise says how many whole seconds until a slot frees. */
  take(now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    while ((this.times[0] ?? now) <= now - this.windowMs) this.times.shift();
    if (this.times.length < this.limit) {
      this.times.push(now);
      return { ok: true };
    }
    const oldest = this.times[0] ?? now;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
  }
}
