import { describe, expect, it } from "vitest";
import { etaSeconds } from "./eta";

const twingate = (used: number) => ({ limit: 20, windowMs: 60_000, used });

describe("a bulk job's time left", () => {
  it("follows the pace so far when the vendor has no budget the console knows", () => {
    expect(etaSeconds({ elapsedMs: 10_000, done: 10, toSend: 20, rowsPerCall: 1, budget: null })).toBe(20);
    expect(etaSeconds({ elapsedMs: 0, done: 0, toSend: 20, rowsPerCall: 1, budget: null })).toBeNull();
  });

  it("is never less than Twingate's write budget allows, however fast the first writes went", () => {
    // 20 written in 2 s, the budget spent: 60 more rows need three more minutes, not "about 6 s".
    expect(etaSeconds({ elapsedMs: 2_000, done: 20, toSend: 60, rowsPerCall: 1, budget: twingate(20) })).toBe(180);
    // Some of the budget left: those go at once, the rest wait for the window.
    expect(etaSeconds({ elapsedMs: 1_000, done: 10, toSend: 30, rowsPerCall: 1, budget: twingate(10) })).toBe(60);
    // Before the first row is done, the bound alone is an estimate.
    expect(etaSeconds({ elapsedMs: 0, done: 0, toSend: 40, rowsPerCall: 1, budget: twingate(0) })).toBe(60);
  });

  it("counts calls, not rows, where a call carries several rows", () => {
    expect(etaSeconds({ elapsedMs: 100, done: 100, toSend: 400, rowsPerCall: 100, budget: twingate(20) })).toBe(12);
  });

  it("keeps the slower pace when the job is slower than its budget", () => {
    expect(etaSeconds({ elapsedMs: 100_000, done: 10, toSend: 10, rowsPerCall: 1, budget: twingate(5) })).toBe(100);
  });

  it("has nothing to say when nothing is left", () => {
    expect(etaSeconds({ elapsedMs: 1_000, done: 10, toSend: 0, rowsPerCall: 1, budget: twingate(20) })).toBeNull();
  });
});
