import { describe, expect, it } from "vitest";
import { inParallel } from "./in-parallel";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("inParallel", () => {
  it("runs every item with at most `limit` in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await inParallel(
      Array.from({ length: 50 }, (_, i) => i),
      4,
      new AbortController().signal,
      async (i) => {
        most = Math.max(most, ++inFlight);
        await tick();
        inFlight--;
        done.push(i);
      },
    );
    expect(most).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("starts nothing after the first failure, and rejects with it once the calls in flight have settled", async () => {
    const started: number[] = [];
    let settled = 0;
    const run = inParallel(
      Array.from({ length: 50 }, (_, i) => i),
      3,
      new AbortController().signal,
      async (i) => {
        started.push(i);
        await tick();
        settled++;
        if (i === 4) throw new Error("vendor said no");
      },
    );
    await expect(run).rejects.toThrow("vendor said no");
    expect(settled).toBe(started.length);
    expect(started.length).toBeLessThan(10);
  });

  it("stops at an abort with its reason", async () => {
    const stop = new AbortController();
    const started: number[] = [];
    const run = inParallel(
      Array.from({ length: 50 }, (_, i) => i),
      2,
      stop.signal,
      async (i) => {
        started.push(i);
        if (i === 3) stop.abort(new Error("cancelled"));
        await tick();
      },
    );
    await expect(run).rejects.toThrow("cancelled");
    expect(started.length).toBeLessThan(8);
  });

  it("takes an item only when a call is near to start, not a pending call per item up front", async () => {
    // 50,000 UPNs in a sync: a promise per item held for the whole phase is the memory this guards.
    const count = 10_000;
    const limit = 4;
    let furthestRead = -1;
    const items = new Proxy(
      Array.from({ length: count }, (_, i) => i),
      {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) furthestRead = Math.max(furthestRead, Number(key));
          return Reflect.get(target, key, receiver);
        },
      },
    );
    let started = 0;
    let mostAhead = 0;
    await inParallel(items, limit, new AbortController().signal, async () => {
      started++;
      mostAhead = Math.max(mostAhead, furthestRead + 1 - started);
      await Promise.resolve();
    });
    expect(started).toBe(count);
    // In flight and waiting to start: at most `limit` of each.
    expect(mostAhead).toBeLessThanOrEqual(2 * limit);
  });

  it("does nothing for no items", async () => {
    await inParallel([], 4, new AbortController().signal, async () => {
      throw new Error("not called");
    });
  });
});
