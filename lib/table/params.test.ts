import { describe, expect, it } from "vitest";
import { readParams } from "../params/read";
import { pageWindow, readTableState, tableSearch } from "./params";

describe("readTableState", () => {
  const opts = { sortable: ["name", "lastHeard"], sort: "name" } as const;

  it("gives the defaults for an empty URL", () => {
    expect(readTableState({}, opts)).toEqual({ q: "", page: 1, size: 50, sort: "name", dir: "asc", hidden: [] });
  });

  it("reads every key", () => {
    const s = readTableState(
      { q: "  alice ", page: "3", size: "100", sort: "lastHeard", dir: "desc", hide: "a, b" },
      opts,
    );
    expect(s).toEqual({ q: "alice", page: 3, size: 100, sort: "lastHeard", dir: "desc", hidden: ["a", "b"] });
  });

  it("never sorts by a column it was not allowed, and forgives junk", () => {
    const s = readTableState({ sort: '"id"; DROP TABLE x', page: "-4", size: "7", dir: "sideways" }, opts);
    expect(s).toMatchObject({ sort: "name", page: 1, size: 50, dir: "asc" });
  });

  it("takes the first of repeated keys", () => {
    expect(readTableState({ q: ["a", "b"] }, opts).q).toBe("a");
  });

  it("drops a NUL byte, an over-long search and a page past the end, and says which", () => {
    const { values, ignored } = readParams(tableSearch(opts), {
      q: "a\u0000b",
      page: "99999999999999999999999999",
      hide: "x".repeat(5000),
      sort: "name",
      dir: "desc",
    });
    expect(values).toMatchObject({ q: "", page: 1, hide: [], sort: "name", dir: "desc" });
    expect(ignored.map((i) => i.param).sort()).toEqual(["hide", "page", "q"]);
    expect(ignored.find((i) => i.param === "q")?.problem).toBe("a value with a control character");
  });
});

describe("pageWindow", () => {
  it("turns a page into skip and take", () => {
    expect(pageWindow({ page: 3, size: 50 })).toEqual({ skip: 100, take: 50 });
  });
});
