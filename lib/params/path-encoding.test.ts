import { describe, expect, it } from "vitest";
import { isMalformedPath } from "./path-encoding";

describe("isMalformedPath", () => {
  it("finds a segment that does not percent-decode", () => {
    expect(isMalformedPath("/bulk/%E0%A4%A")).toBe(true);
    expect(isMalformedPath("/api/bulk/%/progress")).toBe(true);
    expect(isMalformedPath("/bulk/%E0%A4")).toBe(true);
  });
  it("lets every other path through, NUL included (the page's own schema refuses that one)", () => {
    expect(isMalformedPath("/twingate/groups/R3JvdXA6MQ%3D%3D")).toBe(false);
    expect(isMalformedPath("/bulk/%00")).toBe(false);
    expect(isMalformedPath("/audit")).toBe(false);
  });
});
