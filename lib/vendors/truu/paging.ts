import { VendorError } from "../core/vendor-error";
import type { WalkReport } from "../core/walk-report";
import type { Page } from "./schemas";

export type PageFetcher<T> = (page: number, signal: AbortSignal) => Promise<Page<T>>;

export interface PageWalk {
  /** Most requests in flight. */
  concurrency: number;
  /**
   * Pages fetched beyond those in flight that may wait, read but not yet
   * taken, while the caller is busy with an earlier one (0: a new request
   * starts only when the caller takes a page).
   */
  ahead?: number;
  signal?: AbortSignal;
  /** Filled in as the walk goes: whether the list changed while it was read. */
  report?: WalkReport;
}

/**
 * Every page in order. The first page tells `final`; the later pages are
 * fetched ahead, at most `concurrency` at a time, and a request starts as
 * soon as another one ends, so that a caller who takes a while over a page
 * (writing it away) does not leave the vendor idle. Stopping early (break,
 * return, an error) aborts the requests still in flight.
 *
 * TruU pages by number, so a user deleted while the walk is under way shifts
 * later records by one: a record may be seen twice or missed, as with any
 * offset paging. Deletions can also shrink the list below the last page that
 * page 1 announced; a page past the end is an error at TruU, so the walk
 * shortens itself instead: each later page says the current `final`, and a
 * refused page is followed by a fresh look at page 1 to tell "the list
 * ended" (its `final` is now below the refused page) from a real failure
 * (rethrown).
 *
 * Each page carries `count`, the records the list holds as that page was
 * read (NOTES.md: "count = total matches"), so a later page that counts
 * otherwise than page 1, or a walk that ends early, tells `walk.report` that
 * the list changed under it. A change that adds as many records as it
 * removes between two page reads leaves the count as it was and goes unseen.
 */
export async function* pagesOf<T>(fetchPage: PageFetcher<T>, walk: PageWalk): AsyncGenerator<Page<T>> {
  const ctl = new AbortController();
  const outer = walk.signal;
  const onOuterAbort = () => ctl.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  const cap = Math.max(1, Math.floor(walk.concurrency));
  const window = cap + Math.max(0, Math.floor(walk.ahead ?? 0));
  const started = new Map<number, Promise<Page<T>>>();
  let stopped = false;
  let running = 0;
  let nextToStart = 2;
  let taken = 1;
  let final = 1;
  const changed = (why: string) => {
    if (walk.report) walk.report.listChanged ??= why;
  };
  const pump = () => {
    while (!stopped && running < cap && nextToStart <= final && nextToStart - taken <= window) {
      const promise = fetchPage(nextToStart, ctl.signal);
      const settled = () => {
        running--;
        pump();
      };
      promise.then(settled, settled);
      started.set(nextToStart, promise);
      running++;
      nextToStart++;
    }
  };
  try {
    const first = await fetchPage(1, ctl.signal);
    final = first.final;
    pump();
    yield first;
    for (let p = 2; p <= final; p++) {
      let page: Page<T>;
      try {
        page = await started.get(p)!;
      } catch (err) {
        if (!mayBePastTheEnd(err)) throw err;
        const now = await fetchPage(1, ctl.signal);
        if (now.final >= p) throw err;
        changed(
          `page ${p} was refused: the list now ends at page ${now.final}, ` +
            `with ${now.count} records where page 1 counted ${first.count}`,
        );
        break;
      }
      started.delete(p);
      taken = p;
      if (page.count !== first.count)
        changed(`page ${p} counted ${page.count} records where page 1 counted ${first.count}`);
      // Never past what the latest page knows: the list may have shrunk since page 1.
      final = Math.min(final, page.final);
      pump();
      yield page;
    }
  } finally {
    stopped = true;
    outer?.removeEventListener("abort", onOuterAbort);
    if (running > 0) ctl.abort(new Error("page walk stopped"));
    // Awaited in order above; what is left behind must not count as unhandled.
    for (const promise of started.values()) promise.catch(() => {});
  }
}

/**
 * Whether a refused page may be one past the end. TruU's data-API guide: "if
 * you enter a page that does not exist, the query will return an error", with
 * no status given; DRF, which TruU's envelope comes from, answers 404
 * "Invalid page.", and 400 is the other answer a server gives for a bad
 * parameter. Only a fresh page 1 can tell, so this only decides whether to look.
 */
function mayBePastTheEnd(err: unknown): boolean {
  return err instanceof VendorError && err.info.kind === "http" && (err.status === 404 || err.status === 400);
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
