import pRetry, { AbortError } from "p-retry";
import type { z } from "zod";
import type { VendorId } from "../connection-fields";
import { parseRetryAfter, VendorError } from "./vendor-error";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After the client will wait out; a longer one fails the call as retryable. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 65_000 };

export interface VendorRequest {
  vendor: VendorId;
  operation: string;
  url: string;
  init: RequestInit;
  fetch: FetchLike;
  timeoutMs: number;
  /**
   * Whether sending the request twice is harmless. A non-idempotent request
   * whose outcome is unknown (timeout, reset, 5xx after the body was sent) is
   * not resent: the caller must check the vendor's state first.
   */
  idempotent: boolean;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  /** Extracts the vendor's own message from an error body. */
  messageOf?: (body: unknown, text: string) => string | undefined;
  /**
   * Waited for before every attempt, the first and each resend, outside its
   * timeout: a vendor counts a resent request against its rate limit like
   * any other, so a pacer takes its slot here. What it throws (a refusal to
   * wait that long, an abort) ends the call as thrown, without a resend.
   */
  beforeAttempt?: () => Promise<void>;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Whether a failed attempt may be sent again. 429 is always safe: the vendor refused before doing anything. */
function mayResend(err: VendorError, idempotent: boolean): boolean {
  if (!err.retryable) return false;
  if (err.status === 429) return true;
  return idempotent;
}

async function attempt(req: VendorRequest): Promise<Response> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const base = { vendor: req.vendor, operation: req.operation };
  let res: Response;
  try {
    // Combined only when there is something to combine: a sync sends tens of thousands of requests.
    const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
    res = await req.fetch(req.url, { ...req.init, signal, redirect: "manual" });
  } catch (err) {
    const timedOut =
      err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError") && !req.signal?.aborted;
    throw new VendorError(
      {
        ...base,
        kind: timedOut ? "timeout" : "network",
        status: null,
        retryable: !req.signal?.aborted,
        vendorMessage: timedOut ? `no answer within ${req.timeoutMs} ms` : (err as Error).message,
      },
      { cause: err },
    );
  }
  if (res.ok) return res;
  const text = await res.text().catch(() => "");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  const message = req.messageOf?.(body, text) ?? defaultMessage(body, text, res);
  throw new VendorError({
    ...base,
    kind: "http",
    status: res.status,
    vendorMessage: message,
    retryable: RETRYABLE_STATUS.has(res.status),
    retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
  });
}

function defaultMessage(body: unknown, text: string, res: Response): string {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    for (const k of ["message", "error_description", "error", "detail", "Message"])
      if (typeof b[k] === "string" && b[k]) return b[k] as string;
  }
  if (typeof body === "string" && body) return body;
  if (text && text.length < 500 && !text.trimStart().startsWith("<")) return text.trim();
  if (res.status >= 300 && res.status < 400) return `redirected to ${res.headers.get("location") ?? "(no location)"}`;
  return res.statusText || `HTTP ${res.status}`;
}

/**
 * One vendor HTTP call with a timeout, error classification and retries with
 * exponential backoff (p-retry) that wait out Retry-After. Redirects are not
 * followed: vendors that redirect (TruU without a trailing slash) drop the
 * request, and following would send credentials elsewhere.
 */
export async function vendorFetch(req: VendorRequest): Promise<Response> {
  const policy = req.retry ?? DEFAULT_RETRY;
  return pRetry(
    async () => {
      if (req.beforeAttempt)
        await req.beforeAttempt().catch((err: unknown) => {
          throw new AbortError(err instanceof Error ? err : String(err));
        });
      try {
        return await attempt(req);
      } catch (err) {
        if (err instanceof VendorError && !mayResend(err, req.idempotent)) throw new AbortError(err);
        if (err instanceof VendorError && (err.info.retryAfterMs ?? 0) > policy.maxRetryAfterMs)
          throw new AbortError(err);
        throw err;
      }
    },
    {
      retries: policy.retries,
      minTimeout: policy.minDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true,
      signal: req.signal,
      onFailedAttempt: async (err) => {
        // p-retry adds its own backoff after this resolves; Retry-After is the floor.
        const wait = err instanceof VendorError ? err.info.retryAfterMs : undefined;
        if (wait && err.retriesLeft > 0) await new Promise((r) => setTimeout(r, wait));
      },
    },
  ); // an AbortError rejects with the VendorError it wraps
}

/** Parses a JSON body with a zod schema; a mismatch is a VendorError, not a crash further on. */
export async function readJson<S extends z.ZodType>(
  res: Response,
  schema: S,
  vendor: VendorId,
  operation: string,
): Promise<z.output<S>> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text === "" ? null : JSON.parse(text);
  } catch {
    throw new VendorError({
      vendor,
      operation,
      kind: "invalid_response",
      status: res.status,
      retryable: false,
      vendorMessage: `not JSON: ${text.slice(0, 200)}`,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new VendorError({
      vendor,
      operation,
      kind: "invalid_response",
      status: res.status,
      retryable: false,
      vendorMessage: `unexpected response shape: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(root)"} ${i.message}`)
        .join("; ")}`,
    });
  }
  return parsed.data;
}
