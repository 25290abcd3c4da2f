import pLimit from "p-limit";
import type { WalkReport } from "../core/walk-report";

export interface Page<T> {
  items: T[];
  /** v1 totalCount or v2 x-total-count; undefined when the vendor did not say. */
  total: number | undefined;
}

export interface AllPagesOptions {
  pageSize?: number;
  /** Pages fetched at the same time after the first. */
  concurrency?: number;
}

type FetchPage<T> = (skip: number, limit: number) => Promise<Page<T>>;

interface PageRead<T> {
  skip: number;
  page: Page<T>;
}

/** The pages at these skips, at most `concurrency` requests at a time, in the order of the skips. */
function pagesAt<T>(
  fetchPage: FetchPage<T>,
  skips: readonly number[],
  limit: number,
  concurrency: number,
): Promise<PageRead<T>[]> {
  const slot = pLimit(concurrency);
  return Promise.all(skips.map((skip) => slot(async () => ({ skip, page: await fetchPage(skip, limit) }))));
}

/**
 * Every item of a skip/limit list, in pages of at most 100 (the largest
 * `limit` any JumpCloud list takes). The first page tells the total; the rest
 * are fetched in parallel under a concurrency cap. Without a total (v2 routes
 * document none), pages are read one after another until a short page.
 */
export async function allPages<T>(fetchPage: FetchPage<T>, opts: AllPagesOptions = {}): Promise<T[]> {
  const limit = Math.min(100, opts.pageSize ?? 100);
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const first = await fetchPage(0, limit);
  if (first.total === undefined) {
    const out = [...first.items];
    for (let last = first.items; last.length === limit; ) {
      last = (await fetchPage(out.length, limit)).items;
      out.push(...last);
    }
    return out;
  }
  const skips: number[] = [];
  for (let s = limit; s < first.total; s += limit) skips.push(s);
  const pages = await pagesAt(fetchPage, skips, limit, concurrency);
  return [first.items, ...pages.map((p) => p.page.items)].flat();
}

export interface CheckedWalk<T> extends AllPagesOptions {
  /** An item's identity: the page joins are checked, and the items told apart, by it. */
  key: (item: T) => string;
  report: WalkReport;
}

/**
 * Skips of the pages after the first that a list of `total` items needs
 * when each page starts on the last item of the page before (step limit-1),
 * the last of them reaching the end.
 */
export function overlappingSkips(total: number, limit: number): number[] {
  const skips: number[] = [];
  // A page is needed at s while the page before it (at s - limit + 1) ends short of the total.
  for (let s = limit - 1; s + 1 < total; s += limit - 1) skips.push(s);
  return skips;
}

/** Whether a page read at `skip` reached the end of its list as the list was then. */
export function endsList(page: Page<unknown>, skip: number, limit: number): boolean {
  return page.items.length < limit || (page.total !== undefined && skip + page.items.length >= page.total);
}

/**
 * Every item of a skip/limit list, read so that the walk can tell whether it
 * missed one. JumpCloud lists are offset-paged: an item removed before the
 * walk's position while it reads moves the later ones back across a page
 * boundary, where none of the pages sees them. So each page after the first
 * starts one item early, on the last item of the page before. In a list
 * whose order does not change (v1 and v2 directory lists sorted by _id; the
 * graph lists, which document no sort, are taken to keep theirs, as any
 * offset paging of them must), if every page begins with the item the page
 * before ended with, and a page reaches the end, then every item that
 * existed throughout the walk is on some page, whatever was added or removed
 * and in whatever order the pages were read: each page holds, at its read,
 * everything between its first and last item. Otherwise `walk.report` says
 * which join broke. Comparing totals instead would miss an item removed
 * before the position while another is added at the end (the total stays).
 *
 * Pages after the first are planned from its total and read in parallel;
 * while the last page read does not reach the end (the list grew, or tells
 * no total), the walk reads on one page at a time. Items on two pages are
 * returned once.
 */
export async function checkedPages<T>(fetchPage: FetchPage<T>, walk: CheckedWalk<T>): Promise<T[]> {
  const limit = Math.max(2, Math.min(100, walk.pageSize ?? 100));
  const first: PageRead<T> = { skip: 0, page: await fetchPage(0, limit) };
  const { total } = first.page;
  const skips = total === undefined ? [] : overlappingSkips(total, limit);
  const read = [first, ...(await pagesAt(fetchPage, skips, limit, Math.max(1, walk.concurrency ?? 4)))];
  for (let last = read.at(-1) ?? first; !endsList(last.page, last.skip, limit); ) {
    const skip = last.skip + limit - 1;
    last = { skip, page: await fetchPage(skip, limit) };
    read.push(last);
  }

  const { key, report } = walk;
  const end = read.findIndex((r) => endsList(r.page, r.skip, limit));
  // Pages before `end` are full (else they would end the list), so each has a last item.
  for (const [i, { skip, page }] of read.slice(1, end + 1).entries()) {
    const before = read[i] as PageRead<T>;
    const endedWith = before.page.items.at(-1);
    if (endedWith === undefined) break;
    const ended = key(endedWith);
    const began = page.items[0] === undefined ? null : key(page.items[0]);
    if (began === ended) continue;
    report.listChanged ??=
      began === null
        ? `the page at skip ${skip} was empty, where the page at skip ${before.skip} was full`
        : `the page at skip ${skip} began with ${began}, where the page at skip ${before.skip} ended with ${ended}`;
    break;
  }

  const seen = new Set<string>();
  const out: T[] = [];
  for (const { page } of read) {
    for (const item of page.items) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}
