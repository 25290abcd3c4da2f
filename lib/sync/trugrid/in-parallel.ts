/**
 * Runs `work` for every item with at most `limit` calls in flight. The first
 * failure, or an abort, stops new calls from starting and rejects once the
 * calls already in flight have settled, so nothing runs on after the caller
 * has moved on. A fixed number of lanes take the next item as they finish
 * one, so only the items in hand have a pending call in memory (a queued
 * call per user of 50,000 held tens of megabytes for the whole phase).
 */
export async function inParallel<T>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | null = null;
  let next = 0;
  const lane = async () => {
    while (!failure && next < items.length) {
      if (signal.aborted) {
        failure = { error: signal.reason };
        return;
      }
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}
