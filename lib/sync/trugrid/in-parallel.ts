import pLimit from "p-limit";

/**
 * Runs `work` for every item with at most `limit` calls in flight. The first
 * failure, or an abort, stops new calls from starting and rejects once the
 * calls already in flight have settled, so nothing runs on after the caller
 * has moved on.
 */
export async function inParallel<T>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  const slot = pLimit(Math.max(1, limit));
  let failure: { error: unknown } | null = null;
  await Promise.all(items.map((item) => slot(async () => {
    if (failure) return;
    if (signal.aborted) {
      failure = { error: signal.reason };
      return;
    }
    try {
      await work(item);
    } catch (error) {
      failure ??= { error };
    }
  })));
  if (failure) throw (failure as { error: unknown }).error;
}
