import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FetchLike } from "../core/http";
import { InProcessPacer, type PaceKind, type Pacer } from "./pacer";
import { startSim } from "./test-sim";

let env: Awaited<ReturnType<typeof startSim>>;
afterEach(async () => {
  await env.close();
});

/** A pacer that grants at once and remembers each grant, with its time since the pacer was made. */
function countingPacer() {
  const started = Date.now();
  const grants: { kind: PaceKind; atMs: number }[] = [];
  const pacer: Pacer = {
    acquire: async (kind) => {
      grants.push({ kind, atMs: Date.now() - started });
    },
  };
  return { pacer, grants, count: (kind: PaceKind) => grants.filter((g) => g.kind === kind).length };
}

const faults = (f: Record<string, number>) => env.simJson("PUT", "/__sim/faults", f);

describe("every attempt takes a slot of the token's budget", () => {
  beforeEach(async () => {
    env = await startSim();
  });

  it("a read resent after 429s and a 500 takes one read slot per attempt", async () => {
    const p = countingPacer();
    const tg = env.client({ pacer: p.pacer });
    await faults({ burst429: 2, retryAfterSeconds: 0 });
    await tg.usersPage({ first: 5 });
    expect(env.sent).toHaveLength(3);
    expect(p.count("read")).toBe(3);

    // Every second request fails: the first read is answered, the second is sent twice.
    await faults({ burst429: 0, errorRate: 0.5 });
    env.sent.length = 0;
    const [first] = (await tg.usersPage({ first: 1 })).edges;
    await tg.user(first!.node.id);
    expect(env.sent.length).toBeGreaterThan(2);
    expect(p.count("read")).toBe(3 + env.sent.length);
    expect(p.count("write")).toBe(0);
  });

  it("a write resent after a 429 takes a write slot each time, after Retry-After", async () => {
    const p = countingPacer();
    const tg = env.client({ pacer: p.pacer });
    const [device] = await tg.devices({ activeState: { in: ["ACTIVE"] } });
    const reads = p.count("read");
    await faults({ burst429: 1, retryAfterSeconds: 1 });
    const sentBefore = env.sent.length;
    await tg.deviceUpdate(device!.id, !device!.isTrusted);
    expect(env.sent.length - sentBefore).toBe(2);
    const writes = p.grants.filter((g) => g.kind === "write");
    expect(writes).toHaveLength(2);
    // The resend's slot is taken once the vendor's Retry-After is over, not before.
    expect(writes[1]!.atMs - writes[0]!.atMs).toBeGreaterThanOrEqual(950);
    expect(p.count("read")).toBe(reads);
  });

  it("a pacer that will not wait for a resend's slot ends the call with its own error, unsent", async () => {
    const refusal = new Error("no slot for a while");
    let asked = 0;
    const tg = env.client({
      pacer: {
        acquire: async () => {
          if (++asked > 1) throw refusal;
        },
      },
    });
    await faults({ burst429: 1, retryAfterSeconds: 0 });
    await expect(tg.usersPage({ first: 1 })).rejects.toBe(refusal);
    expect([asked, env.sent.length]).toEqual([2, 1]);
  });
});

describe("against the simulator's own limit", () => {
  // 4 reads in 1.5 s, at both ends: a request the simulator fails with a 500 still counts there.
  const LIMIT = { limit: 4, windowMs: 1_500 };
  beforeEach(async () => {
    env = await startSim({ rateLimits: { readsPerWindow: LIMIT.limit, windowMs: LIMIT.windowMs } });
  });

  it("resends of failed reads stay inside the budget, so Twingate never answers 429", async () => {
    const statuses: number[] = [];
    const recording: FetchLike = async (input, init) => {
      const res = await fetch(input, init);
      statuses.push(res.status);
      return res;
    };
    const tg = env.client({ fetch: recording, pacer: new InProcessPacer({ read: LIMIT, write: LIMIT }, 50) });
    await faults({ errorRate: 0.5 });
    for (let i = 0; i < 4; i++) await tg.usersPage({ first: 1 });
    expect(statuses).toEqual([200, 500, 200, 500, 200, 500, 200]);
  });
});
