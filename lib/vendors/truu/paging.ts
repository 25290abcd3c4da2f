import type { Page } from "./schemas";

export type PageFetcher<T> = (page: number, signal: AbortSignal) => Promise<Page<T>>;

/**
 * Every page in order. The first page tells `final`; the later pages are
 * fetched ahead, at most `concurrency` at a time. Stopping early (break,
 * return, an error) aborts the requests still in flight.
 *
 * TruU pages by number, so a user deleted while the walk is under way shifts
 * later records by one: a record may be seen twice or missed, as with any
 * offset paging.
 */
export async function* pagesOf<T>(fetchPage: PageFetcher<T>, concurrency: number, outer?: AbortSignal): AsyncGenerator<Page<T>> {
  const ctl = new AbortController();
  const onOuterAbort = () => ctl.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  const inflight = new Map<number, Promise<Page<T>>>();
  try {
    const first = await fetchPage(1, ctl.signal);
    yield first;
    const final = first.final;
    const cap = Math.max(1, Math.floor(concurrency));
    let nextToStart = 2;
    for (let p = 2; p <= final; p++) {
      while (nextToStart <= final && nextToStart < p + cap) {
        const promise = fetchPage(nextToStart, ctl.signal);
        // Awaited below in order; until then a failure must not count as unhandled.
        promise.catch(() => {});
        inflight.set(nextToStart, promise);
        nextToStart++;
      }
      const page = await inflight.get(p)!;
      inflight.delete(p);
      yield page;
    }
  } finally {
    outer?.removeEventListener("abort", onOuterAbort);
    if (inflight.size > 0) ctl.abort(new Error("page walk stopped"));
  }
}

/** Every item of every page, in order. */
export async function* itemsOf<T>(pages: AsyncIterable<Page<T>>): AsyncGenerator<T> {
  for await (const page of pages) yield* page.results;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
