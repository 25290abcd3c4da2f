import { describe, expect, it } from "vitest";
import { oneOf, pageWindow, readTableState } from "./params";

describe("readTableState", () => {
  const opts = { sortable: ["name", "lastHeard"] as const, sort: "name" as const };

  it("gives the defaults for an empty URL", () => {
    expect(readTableState({}, opts)).toEqual({ q: "", page: 1, size: 50, sort: "name", dir: "asc", hidden: [] });
  });

  it("reads every key", () => {
    const s = readTableState({ q: "  alice ", page: "3", size: "100", sort: "lastHeard", dir: "desc", hide: "a, b" }, opts);
    expect(s).toEqual({ q: "alice", page: 3, size: 100, sort: "lastHeard", dir: "desc", hidden: ["a", "b"] });
  });

  it("never sorts by a column it was not allowed, and forgives junk", () => {
    const s = readTableState({ sort: '"id"; DROP TABLE x', page: "-4", size: "7", dir: "sideways" }, opts);
    expect(s).toMatchObject({ sort: "name", page: 1, size: 50, dir: "asc" });
  });

  it("takes the first of repeated keys", () => {
    expect(readTableState({ q: ["a", "b"] }, opts).q).toBe("a");
  });
});

describe("oneOf and pageWindow", () => {
  it("accepts only listed values", () => {
    expect(oneOf({ type: "mobile" }, "type", ["mobile", "desktop"])).toBe("mobile");
    expect(oneOf({ type: "tablet" }, "type", ["mobile", "desktop"])).toBeUndefined();
  });
  it("turns a page into skip and take", () => {
    expect(pageWindow({ page: 3, size: 50 })).toEqual({ skip: 100, take: 50 });
  });
});
