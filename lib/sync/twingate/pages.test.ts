import { describe, expect, it } from "vitest";
import { type Page, PageRunner } from "./pages";

/** A run context with one request slot, recording nothing. */
function runner(concurrency: number) {
  return new PageRunner({
    signal: new AbortController().signal,
    concurrency,
    phase: () => {},
    pageRead: () => {},
    sequentialPages: () => {},
  });
}

/** A connection of `count` items, one per page, whose reads are logged as `<name><index>`. */
function connection(name: string, count: number, log: string[]) {
  return async (after: string | null): Promise<Page<string>> => {
    const index = after === null ? 0 : Number(after) + 1;
    log.push(`${name}${index}`);
    await new Promise((r) => setTimeout(r, 1));
    return {
      edges: [`${name}${index}`],
      totalCount: count,
      pageInfo: { hasNextPage: index < count - 1, endCursor: String(index) },
    };
  };
}

describe("PageRunner", () => {
  it(
    "gives a free slot to the walk with the most pages left, so " + "the longest walk is not held up by short ones",
    async () => {
      const log: string[] = [];
      const pages = runner(1);
      const walk = (name: string, count: number) =>
        pages.walk(name, connection(name, count, log), async () => {}, { pageSize: 1 });
      await pages.all([() => walk("L", 5), () => walk("A", 2), () => walk("B", 2)]);
      // First pages go in arrival order (no length known yet). Then L's third page, waiting beside B's
      // second when A's second ends, goes first: first come first served would have sent B1 before L2.
      expect(log.slice(0, 6)).toEqual(["L0", "A0", "B0", "L1", "A1", "L2"]);
      expect(log.indexOf("L2")).toBeLessThan(log.indexOf("B1"));
      expect([...log].sort()).toEqual(["A0", "A1", "B0", "B1", "L0", "L1", "L2", "L3", "L4"]);
    },
  );

  it(
    "knows a nested connection's length from the page read with its " +
      "parent, so its follow-up does not jump the queue",
    async () => {
      const log: string[] = [];
      const pages = runner(1);
      await pages.all([
        () => pages.walk("L", connection("L", 30, log), async () => {}, { pageSize: 1 }),
        () => pages.walk("A", connection("A", 2, log), async () => {}, { pageSize: 1 }),
        // N continues a 4-item connection whose first item came with its parent: 3 pages left, not "unknown".
        () =>
          pages.walk("N", connection("N", 4, log), async () => {}, {
            pageSize: 1,
            after: "0",
            readBefore: { items: 1, totalCount: 4 },
          }),
      ]);
      // Counted as of unknown length, N1 would have gone before L1.
      expect(log.slice(0, 4)).toEqual(["L0", "A0", "L1", "N1"]);
      expect(log).not.toContain("N0");
    },
  );
});
