import pLimit, { type LimitFunction } from "p-limit";
import { nextCursor } from "../../vendors/twingate/paging";
import type { SyncContext } from "../context";

/**
 * Page reads of one sync run: under the run's concurrency cap, counted for
 * progress, and stopped at the next page once the run is cancelled or any
 * task failed, so a failure is reported as itself and nothing keeps reading
 * behind it.
 */
export class PageRunner {
  private readonly slot: LimitFunction;
  private failure: { error: unknown } | null = null;

  constructor(private readonly ctx: Pick<SyncContext, "signal" | "concurrency" | "phase" | "pageRead" | "sequentialPages">) {
    this.slot = pLimit(Math.max(1, ctx.concurrency));
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
   * page names the phase and its page count.
   */
  async walk<P extends Page<unknown>>(
    operation: string,
    fetchPage: (after: string | null) => Promise<P>,
    onPage: (page: P) => Promise<void>,
    opts: { phase?: string; pageSize: number; after?: string | null },
  ): Promise<void> {
    let after = opts.after ?? null;
    let next = this.fetchInSlot(fetchPage, after);
    for (let index = 0; ; index++) {
      const page = await next;
      this.checkStopped();
      const more = page.pageInfo.hasNextPage;
      if (more) {
        after = nextCursor(operation, page, after);
        next = this.fetchInSlot(fetchPage, after);
        // Awaited on the next turn; if this page's hand-on fails first, its failure is the one reported.
        next.catch(() => {});
      }
      await onPage(page);
      if (index === 0 && opts.phase) this.ctx.phase(opts.phase, Math.max(1, Math.ceil(page.totalCount / opts.pageSize)));
      this.ctx.pageRead();
      if (!more) {
        this.ctx.sequentialPages(index + 1);
        return;
      }
    }
  }

  private fetchInSlot<P>(fetchPage: (after: string | null) => Promise<P>, after: string | null): Promise<P> {
    return this.slot(async () => {
      this.checkStopped();
      return fetchPage(after);
    });
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
  return { pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0, edges: [] };
}
