import { describe, expect, it } from "vitest";
import { safeCell } from "./safe-cell";

describe("safeCell", () => {
  it("neutralises what a spreadsheet would run", () => {
    for (const s of ["=1+1", "+1", "-2", "@SUM(A1)", "\t=x", "\r=x"]) expect(safeCell(s)).toBe(`'${s}`);
  });
  it("leaves ordinary values alone and renders others as text", () => {
    expect(safeCell("alice@example.com")).toBe("alice@example.com");
    expect(safeCell(null)).toBe("");
    expect(safeCell(42)).toBe("42");
    expect(safeCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(safeCell({ a: 1 })).toBe('{"a":1}');
  });
});
