import { describe, expect, it } from "vitest";
import type { WalkReport } from "../core/walk-report";
import { checkedPages, overlappingSkips, type Page } from "./paging";

/**
 * A list held in order, paged as JumpCloud pages (skip/limit, the total as
 * the page was read), with a hook that changes it as a given skip is asked for.
 */
function list(size: number, opts: { total?: boolean } = {}) {
  let next = size;
  const items = Array.from({ length: size }, (_, i) => `id${String(i).padStart(4, "0")}`);
  const asked: number[] = [];
  const before = new Map<number, () => void>();
  const fetchPage = async (skip: number, limit: number): Promise<Page<string>> => {
    asked.push(skip);
    before.get(skip)?.();
    before.delete(skip);
    return { items: items.slice(skip, skip + limit), total: opts.total === false ? undefined : items.length };
  };
  const add = () => items.push(`id${String(next++).padStart(4, "0")}`);
  return { items, asked, before, fetchPage, add };
}

const walk = (concurrency = 1) => {
  const report: WalkReport = { listChanged: null };
  return { report, opts: { concurrency, key: (s: string) => s, report } };
};

describe("a checked JumpCloud page walk", () => {
  it("starts each page on the last item of the one before and returns every item once", async () => {
    const l = list(250);
    const w = walk(4);
    const items = await checkedPages(l.fetchPage, w.opts);
    expect(items).toEqual(l.items);
    expect(l.asked).toEqual([0, 99, 198]);
    expect(w.report.listChanged).toBeNull();
    // The pages a total needs: the last one reaches it.
    expect(overlappingSkips(100, 100)).toEqual([]);
    expect(overlappingSkips(101, 100)).toEqual([99]);
    expect(overlappingSkips(199, 100)).toEqual([99]);
    expect(overlappingSkips(200, 100)).toEqual([99, 198]);
  });

  it("says so when items removed before its position moved a later one past a page boundary", async () => {
    const l = list(250);
    const original = [...l.items];
    l.before.set(198, () => l.items.splice(0, 3));
    const w = walk();
    const items = await checkedPages(l.fetchPage, w.opts);
    // id0199 and id0200 moved onto the page at skip 99, which had been read.
    expect(original.filter((id) => l.items.includes(id) && !items.includes(id))).toEqual(["id0199", "id0200"]);
    expect(w.report.listChanged).toBe(
      "the page at skip 198 began with id0201, where the page at skip 99 ended with id0198",
    );
  });

  it(
    "says so when one item is removed before its position and one added " +
      "at the end, which leaves the total as it was",
    async () => {
      const l = list(250);
      l.before.set(198, () => {
        l.items.splice(10, 1);
        l.add();
      });
      const w = walk();
      await checkedPages(l.fetchPage, w.opts);
      expect(w.report.listChanged).toBe(
        "the page at skip 198 began with id0199, where the page at skip 99 ended with id0198",
      );
    },
  );

  it("says so when a planned page comes back empty, the list having shrunk", async () => {
    const l = list(250);
    l.before.set(198, () => l.items.splice(0, 60));
    const w = walk();
    await checkedPages(l.fetchPage, w.opts);
    expect(w.report.listChanged).toBe("the page at skip 198 was empty, where the page at skip 99 was full");
  });

  it(
    "vouches for a list that only grew at the end or lost items behind " +
      "its position, reading on past the planned pages",
    async () => {
      const l = list(250);
      l.before.set(99, () => {
        for (let i = 0; i < 150; i++) l.add();
      });
      l.before.set(297, () => l.items.splice(350, 10));
      const w = walk();
      const items = await checkedPages(l.fetchPage, w.opts);
      expect(l.asked).toEqual([0, 99, 198, 297]);
      expect(items).toEqual(l.items);
      expect(w.report.listChanged).toBeNull();
    },
  );

  it("reads a list without a total one page after another until a short page", async () => {
    const l = list(205, { total: false });
    const w = walk(4);
    expect(await checkedPages(l.fetchPage, w.opts)).toEqual(l.items);
    expect(l.asked).toEqual([0, 99, 198]);
    expect(w.report.listChanged).toBeNull();
  });

  it("reads a list that fits one page once", async () => {
    const l = list(100);
    const w = walk();
    expect(await checkedPages(l.fetchPage, w.opts)).toEqual(l.items);
    expect(l.asked).toEqual([0]);
    expect(w.report.listChanged).toBeNull();
  });
});
