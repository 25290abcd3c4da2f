import PQueue from "p-queue";

/**
 * Runs `work` for every item with at most `limit` calls in flight. The first
 * failure, or an abort, stops new calls from starting and rejects once the
 * calls already in flight have settled, so nothing runs on after the caller
 * has moved on. The queue is fed an item at a time while fewer than `limit`
 * wait, so only the items in hand have a pending call in memory (a queued
 * call per user of 50,000 held tens of megabytes for the whole phase).
 */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const lanes = Math.max(1, limit);
  const queue = new PQueue({ concurrency: lanes });
  let failure: { error: unknown } | null = null;
  const stopped = () => {
    if (!failure && signal.aborted) failure = { error: signal.reason };
    return failure !== null;
  };
  // A queued call checks again when it starts: a failure may have come while it waited.
  const run = async (item: T) => {
    if (stopped()) return;
    try {
      await work(item);
    } catch (error) {
      failure ??= { error };
    }
  };
  for (const item of items) {
    await queue.onSizeLessThan(lanes);
    if (stopped()) break;
    void queue.add(() => run(item));
  }
  await queue.onIdle();
  if (failure) throw (failure as { error: unknown }).error;
}
