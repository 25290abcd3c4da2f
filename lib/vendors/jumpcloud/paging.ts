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

/**
 * Every item of a skip/limit list, in pages of at most 100 (the largest
 * `limit` any JumpCloud list takes). The first page tells the total; the rest
 * are fetched in parallel under a concurrency cap. Without a total (v2 routes
 * document none), pages are read one after another until a short page.
 */
export async function allPages<T>(fetchPage: (skip: number, limit: number) => Promise<Page<T>>, opts: AllPagesOptions = {}): Promise<T[]> {
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
  const pages: T[][] = new Array(skips.length);
  let next = 0;
  const worker = async () => {
    while (next < skips.length) {
      const i = next++;
      pages[i] = (await fetchPage(skips[i], limit)).items;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, skips.length) }, worker));
  return [first.items, ...pages].flat();
}
