import { describe, expect, it } from "vitest";
import { anonymousRefusal } from "./anonymous-refusals";

describe("anonymousRefusal", () => {
  it("records twenty a minute per address, then counts the rest into the next one recorded", () => {
    const t0 = 1_000_000;
    const decisions = Array.from({ length: 25 }, (_, i) => anonymousRefusal("192.0.2.1", t0 + i));
    expect(decisions.filter((d) => d.record)).toHaveLength(20);
    expect(anonymousRefusal("192.0.2.2", t0)).toEqual({ record: true, leftOut: 0 });
    expect(anonymousRefusal("192.0.2.1", t0 + 60_000)).toEqual({ record: true, leftOut: 5 });
    expect(anonymousRefusal("192.0.2.1", t0 + 60_001)).toEqual({ record: true, leftOut: 0 });
  });
});
