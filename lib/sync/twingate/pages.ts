import PQueue from "p-queue";
import { nextCursor } from "../../vendors/twingate/paging";
import type { SyncContext } from "../context";

/**
 * Page reads of one sync run: under the run's concurrency cap, counted for
 * progress, and stopped at the next page once the run is cancelled or any
 * task failed, so a failure is reported as itself and nothing keeps reading
 * behind it.
 *
 * When more walks want a request slot than there are slots, the walk with
 * the most pages still to read goes first (a walk whose length is not known
 * yet counts as longest, so that its first page soon tells). A cursor walk
 * is one request after another, so the run can end no sooner than its
 * longest walk: a page of it kept waiting behind a short walk's page delays
 * the whole run, while the short walk has time to spare.
 */
export class PageRunner {
  private readonly slots: PQueue;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly ctx: Pick<SyncContext, "signal" | "concurrency" | "phase" | "pageRead" | "sequentialPages">,
  ) {
    this.slots = new PQueue({ concurrency: Math.max(1, ctx.concurrency) });
  }

  private checkStopped() {
    this.ctx.signal.throwIfAborted();
    if (this.failure) throw this.failure.error;
  }

  /**
   * Walks a Relay connection from `after`, handing each page on as it arrives.
   * The next page is asked for as soon as this one's cursor is known, while
   * this one is handed on: a cursor walk is one request after another, and
   * the walk should not also wait for the writer. With `phase`, the first
   * page names the phase and its page count. `readBefore`: items of the
   * connection already read before `after` (a nested connection's first
   * page, read with its parent), with the connection's totalCount then.
   */
  async walk<P extends Page<unknown>>(
    operation: string,
    fetchPage: (after: string | null) => Promise<P>,
    onPage: (page: P) => Promise<void>,
    opts: {
      phase?: string;
      pageSize: number;
      after?: string | null;
      readBefore?: { items: number; totalCount: number };
    },
  ): Promise<void> {
    let after = opts.after ?? null;
    let read = opts.readBefore?.items ?? 0;
    let total = opts.readBefore?.totalCount ?? null;
    /** Pages this walk has still to read, its priority for a slot. */
    const pagesLeft = () =>
      total === null ? Number.MAX_SAFE_INTEGER : Math.max(1, Math.ceil((total - read) / opts.pageSize));
    let next = this.fetchInSlot(fetchPage, after, pagesLeft());
    for (let index = 0; ; index++) {
      const page = await next;
      this.checkStopped();
      read += page.edges.length;
      total = page.totalCount;
      const more = page.pageInfo.hasNextPage;
      if (more) {
        after = nextCursor(operation, page, after);
        next = this.fetchInSlot(fetchPage, after, pagesLeft());
        // Awaited on the next turn; if this page's hand-on fails first, its failure is the one reported.
        next.catch(() => {});
      }
      await onPage(page);
      if (index === 0 && opts.phase)
        this.ctx.phase(opts.phase, Math.max(1, Math.ceil(page.totalCount / opts.pageSize)));
      this.ctx.pageRead();
      if (!more) {
        this.ctx.sequentialPages(index + 1);
        return;
      }
    }
  }

  private fetchInSlot<P>(
    fetchPage: (after: string | null) => Promise<P>,
    after: string | null,
    priority: number,
  ): Promise<P> {
    return this.slots.add(
      async () => {
        this.checkStopped();
        return fetchPage(after);
      },
      { priority },
    );
  }

  /** Stops every task at its next page; the first failure is the one the run reports. */
  fail(error: unknown): void {
    this.failure ??= { error };
  }

  /** Starts a task now. Its failure stops every other task; the returned promise never rejects (see join). */
  start(task: () => Promise<void>): Promise<void> {
    return task().catch((error: unknown) => this.fail(error));
  }

  /** Waits for started tasks, then rejects with the run's first failure if there was one. */
  async join(started: Promise<void>[]): Promise<void> {
    await Promise.all(started);
    if (this.failure) throw this.failure.error;
  }

  all(tasks: (() => Promise<void>)[]): Promise<void> {
    return this.join(tasks.map((t) => this.start(t)));
  }
}

/** One page of a Relay connection, whatever its edges carry. */
export interface Page<E> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  edges: E[];
}

/** What a parent that vanished mid-run has left to list. */
export function emptyPage<E>(): Page<E> & { pageInfo: { hasPreviousPage: boolean; startCursor: string | null } } {
  return {
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
    edges: [],
  };
}
