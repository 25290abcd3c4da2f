import type { SimSize } from "../../../sim/core/directory";
import type { Faults } from "../../../sim/core/faults";
import { createTruuSim, type TruuSim } from "../../../sim/truu/server";
import type { FetchLike, RetryPolicy } from "../core/http";
import { TruuClient, type TruuClientOptions } from "./client";

/** Short waits so that fault tests stay fast. */
export const FAST_RETRY: RetryPolicy = { retries: 3, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 };

export interface SentRequest {
  method: string;
  path: string;
  /** The query string, without "?". */
  query: string;
  status: number | null;
}

/** A TruU simulator on a random loopback port, and clients for it that record what they send. */
export async function startTruu(size: SimSize = "small") {
  const sim: TruuSim = createTruuSim({ size });
  const { url } = await sim.server.listen(0);
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${url}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  const sent: SentRequest[] = [];
  /** fetch that records each request and its status (null when there was no answer). */
  const recording =
    (inner: FetchLike = globalThis.fetch): FetchLike =>
    async (input, init) => {
      const u = new URL(String(input));
      const entry: SentRequest = {
        method: init?.method ?? "GET",
        path: u.pathname,
        query: u.search.slice(1),
        status: null,
      };
      sent.push(entry);
      const res = await inner(input, init);
      entry.status = res.status;
      return res;
    };

  return {
    sim,
    url,
    sent,
    client: (opts: Partial<TruuClientOptions> = {}) =>
      new TruuClient({
        baseUrl: url,
        credentials: sim.credentials,
        retry: FAST_RETRY,
        timeoutMs: 2_000,
        fetch: recording(),
        ...opts,
      }),
    recording,
    faults: async (f: Partial<Faults>) => {
      await admin("PUT", "faults", f);
    },
    resetFaults: async () => {
      await admin("PUT", "faults", {
        latencyMs: 0,
        errorRate: 0,
        burst429: 0,
        hang: 0,
        retryAfterSeconds: 1,
        tokenTtlSeconds: 7199,
      });
    },
    /** Requests that reached a TruU route in the simulator. */
    seen: async () =>
      ((await (await admin("GET", "requests")).json()) as { requests: { method: string; path: string }[] }).requests,
    clearSeen: async () => {
      await admin("DELETE", "requests");
      sent.length = 0;
    },
    admin,
    close: () => sim.server.close(),
  };
}
export type TruuHarness = Awaited<ReturnType<typeof startTruu>>;
