import pLimit, { type LimitFunction } from "p-limit";

/**
 * Caps the vendor calls in flight across every resource a run reads at once,
 * and refuses new calls once the run is stopping (cancelled, or another read
 * failed), so that a failed run does not keep calling the vendor.
 */
export class CallGate {
  private readonly limit: LimitFunction;

  constructor(
    slots: number,
    private readonly signal: AbortSignal,
  ) {
    this.limit = pLimit(slots);
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    this.signal.throwIfAborted();
    return this.limit(() => {
      this.signal.throwIfAborted();
      return call();
    });
  }
}

/**
 * Waits for every task, even after one fails, so that nothing still writes
 * once the run has ended; the first failure stops the others' further calls
 * and is what the run reports.
 */
export async function settleAll<T>(tasks: Promise<T>[], stop: AbortController): Promise<T[]> {
  let failure: { err: unknown } | null = null;
  const results = await Promise.all(
    tasks.map((t) =>
      t.catch((err: unknown) => {
        if (!failure) {
          failure = { err };
          stop.abort(err);
        }
        return undefined as T;
      }),
    ),
  );
  if (failure) throw (failure as { err: unknown }).err;
  return results;
}
