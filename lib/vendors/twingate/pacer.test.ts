import { describe, expect, it } from "vitest";
import { VendorError } from "../core/vendor-error";
import { InProcessPacer, TWINGATE_LIMITS } from "./pacer";
import { collectAll } from "./paging";

describe("InProcessPacer", () => {
  it("defaults to the documented 60 reads and 20 writes per minute", () => {
    expect(TWINGATE_LIMITS).toEqual({ read: { limit: 60, windowMs: 60_000 }, write: { limit: 20, windowMs: 60_000 } });
  });

  it("grants at most `limit` per rolling window, in order, and paces reads and writes separately", async () => {
    const pacer = new InProcessPacer({ read: { limit: 2, windowMs: 200 }, write: { limit: 1, windowMs: 200 } }, 0);
    const start = Date.now();
    const order: string[] = [];
    const at: number[] = [];
    await Promise.all([
      ...[1, 2, 3, 4, 5].map((i) =>
        pacer.acquire("read").then(() => {
          order.push(`r${i}`);
          at.push(Date.now() - start);
        }),
      ),
      pacer.acquire("write").then(() => order.push("w1")),
    ]);
    expect(order.filter((o) => o.startsWith("r"))).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(order.indexOf("w1")).toBeLessThan(order.indexOf("r3"));
    expect(at[2]).toBeGreaterThanOrEqual(195);
    expect(at[4]).toBeGreaterThanOrEqual(395);
  });
});

describe("collectAll", () => {
  const page = (n: number[], next: string | null) => ({
    totalCount: 5,
    edges: n.map((x) => ({ cursor: `c${x}`, node: x })),
    pageInfo: { hasNextPage: next !== null, hasPreviousPage: false, startCursor: null, endCursor: next },
  });

  it("follows endCursor until hasNextPage is false", async () => {
    const seen: (string | null)[] = [];
    const all = await collectAll("users", async (after) => {
      seen.push(after);
      return after === null ? page([1, 2], "c2") : after === "c2" ? page([3, 4], "c4") : page([5], null);
    });
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([null, "c2", "c4"]);
  });

  it("stops with an invalid_response when the cursor does not advance", async () => {
    const err = await collectAll("users", async () => page([1], "c1")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorError);
    expect((err as VendorError).info.kind).toBe("invalid_response");
  });
});
