import { describe, expect, it } from "vitest";
import { CHANGE_REASON_MAX, takeChangeReason } from "./change-reason";

describe("takeChangeReason", () => {
  it("takes the reason out of the input and leaves the rest", () => {
    const read = takeChangeReason({ tenantId: "t1", changeReason: "  INC-1234\n  user left\t" });
    expect(read).toEqual({ ok: true, reason: "INC-1234 user left", rest: { tenantId: "t1" } });
  });

  it("treats an empty or missing reason as none", () => {
    expect(takeChangeReason({ a: 1, changeReason: "   " })).toEqual({ ok: true, reason: null, rest: { a: 1 } });
    expect(takeChangeReason({ a: 1 })).toEqual({ ok: true, reason: null, rest: { a: 1 } });
    expect(takeChangeReason(null)).toEqual({ ok: true, reason: null, rest: null });
  });

  it("replaces control characters, so the log keeps one line", () => {
    const read = takeChangeReason({ changeReason: "a\u0000b\u001bc" });
    expect(read.ok && read.reason).toBe("a b c");
  });

  it("refuses a reason that is not text or too long", () => {
    expect(takeChangeReason({ changeReason: 42 }).ok).toBe(false);
    expect(takeChangeReason({ changeReason: "x".repeat(CHANGE_REASON_MAX + 1) }).ok).toBe(false);
    expect(takeChangeReason({ changeReason: "x".repeat(CHANGE_REASON_MAX) }).ok).toBe(true);
  });
});
