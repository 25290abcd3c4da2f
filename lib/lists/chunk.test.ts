import { describe, expect, it } from "vitest";
import { chunk, firstFew } from "./chunk";

describe("chunk", () => {
  it("splits in order into parts of the size, the last one shorter", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe("firstFew", () => {
  it("shows every line up to the limit, then how many more", () => {
    expect(firstFew(["a", "b"], 2)).toEqual(["a", "b"]);
    expect(firstFew(["a", "b", "c", "d"], 2)).toEqual(["a", "b", "… and 2 more"]);
  });
});
