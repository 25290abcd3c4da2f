import { csvLine } from "./csv";

const PAGE = 200;

/**
 * A CSV body read page by page through a table's own page query (the one its page shows), for tables the page reads
 * through Prisma: each page is fetched only when the client has read the previous one, so memory stays at one page.
 * The page query's sort ends on a unique column, so pages neither repeat nor skip rows of an unchanging table.
 */
export function csvFromPages(
  header: readonly string[],
  page: (n: number, size: typeof PAGE) => Promise<unknown[][]>,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let n = 0;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return controller.close();
      const rows = await page(++n, PAGE);
      const text = (n === 1 ? csvLine(header) : "") + rows.map(csvLine).join("");
      if (rows.length < PAGE) done = true;
      controller.enqueue(enc.encode(text));
      if (done) controller.close();
    },
  });
}
