import { z } from "zod";

/**
 * Fault knobs of one simulator, set from the environment at start
 * (SIM_<VENDOR>_LATENCY_MS, …) and at run time through PUT /__sim/faults.
 */
export const Faults = z.object({
  /** Response time of every documented route, the simulator's own work included (as a vendor's is). */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** Share of requests answered 500 (0..1), deterministic per request count. */
  errorRate: z.number().min(0).max(1).default(0),
  /** The next N requests get 429 with Retry-After. */
  burst429: z.number().int().min(0).default(0),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** The next N requests never get an answer (until the client gives up). */
  hang: z.number().int().min(0).default(0),
  /** Issued tokens expire after this many seconds (vendors with tokens). */
  tokenTtlSeconds: z.number().int().min(1).optional(),
});
export type Faults = z.infer<typeof Faults>;

export function faultsFromEnv(prefix: string, env = process.env): Faults {
  const num = (k: string) => (env[`${prefix}_${k}`] !== undefined ? Number(env[`${prefix}_${k}`]) : undefined);
  return Faults.parse({
    latencyMs: num("LATENCY_MS"),
    errorRate: num("ERROR_RATE"),
    burst429: num("BURST_429"),
    retryAfterSeconds: num("RETRY_AFTER_SECONDS"),
    hang: num("HANG"),
    tokenTtlSeconds: num("TOKEN_TTL_SECONDS"),
  });
}
