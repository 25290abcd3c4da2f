/**
 * Runs `work` for every item with at most `limit` calls in flight. The first
 * failure, or an abort, stops new calls from starting and rejects once the
 * calls already in flight have settled, so nothing runs on after the caller
 * has moved on.
 */
export async function inParallel<T>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < items.length) {
      if (signal.aborted) {
        failure = { error: signal.reason };
        break;
      }
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
