// Shared by the contract tests: a real simulator on 127.0.0.1 and a client pointed at it.
import { createTwingateSim, type TwingateSimOptions } from "../../../sim/twingate";
import type { FetchLike, RetryPolicy } from "../core/http";
import { VendorError } from "../core/vendor-error";
import { TwingateClient, type TwingateClientOptions } from "./client";
import type { Pacer } from "./pacer";

export const FAST_RETRY: RetryPolicy = { retries: 2, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 3_000 };
export const NO_PACING: Pacer = { acquire: async () => undefined };

export async function startSim(opts: TwingateSimOptions = {}) {
  // Contract tests are not about the rate limit; the tests that are set their own.
  const sim = createTwingateSim({
    ...opts,
    rateLimits: { readsPerWindow: 10_000, writesPerWindow: 10_000, ...opts.rateLimits },
  });
  const { url } = await sim.server.listen(0);
  /** Every HTTP request the client sends, counted on the client side. */
  const sent: string[] = [];
  const countingFetch: FetchLike = (input, init) => {
    sent.push(String(input));
    return globalThis.fetch(input, init);
  };
  const client = (over: Partial<TwingateClientOptions> = {}) =>
    new TwingateClient({
      baseUrl: url,
      credentials: sim.credentials,
      fetch: countingFetch,
      timeoutMs: 2_000,
      retry: FAST_RETRY,
      pacer: NO_PACING,
      ...over,
    });
  const simJson = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    // biome-ignore lint/suspicious/noExplicitAny: each test reads the fields of the sim reply it asked for
    return res.json() as Promise<any>;
  };
  return { sim, url, client, sent, simJson, close: () => sim.server.close() };
}

/** The VendorError a call rejects with; fails the test if it resolves or throws anything else. */
export async function vendorError(p: Promise<unknown>): Promise<VendorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof VendorError))
    throw new Error(`expected a VendorError, got ${err === null ? "success" : String(err)}`);
  return err;
}
