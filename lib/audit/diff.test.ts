import { describe, expect, it } from "vitest";
import { diffValues } from "./diff";

describe("diffValues", () => {
  it("lists changed, added and removed leaves by path", () => {
    expect(
      diffValues({ mfa: true, phone: "+1 555", groups: ["a"] }, { mfa: false, groups: ["a", "b"], udp: true }),
    ).toEqual([
      { path: "groups.1", kind: "added", after: "b" },
      { path: "mfa", kind: "changed", before: true, after: false },
      { path: "phone", kind: "removed", before: "+1 555" },
      { path: "udp", kind: "added", after: true },
    ]);
  });
  it("handles a missing side and scalar values", () => {
    expect(diffValues(null, { a: { b: 1 } })).toEqual([{ path: "a.b", kind: "added", after: 1 }]);
    expect(diffValues("x", "y")).toEqual([{ path: "(value)", kind: "changed", before: "x", after: "y" }]);
    expect(diffValues({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
