import { createQuerySerializer } from "openapi-fetch";
import { type FetchLike, type RetryPolicy, vendorFetch } from "../core/http";

export interface JumpCloudCredentials {
  apiKey: string;
  /** x-org-id: required for multi-tenant (MSP) admin keys. */
  orgId?: string;
}

export interface TransportOptions {
  credentials: JumpCloudCredentials;
  fetch: FetchLike;
  timeoutMs: number;
  retry?: RetryPolicy;
}

/** JumpCloud's Error{code,message,status}. */
function messageOf(body: unknown): string | undefined {
  if (body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string")
    return (body as { message: string }).message;
  return undefined;
}

/**
 * The fetch handed to openapi-fetch for one operation: adds the key headers
 * and sends the request through vendorFetch, so timeouts, retries and
 * VendorError apply to every call.
 */
export function operationFetch(
  t: TransportOptions,
  operation: string,
  idempotent: boolean,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = new Headers(request.headers);
    headers.set("x-api-key", t.credentials.apiKey);
    headers.set("accept", "application/json");
    if (t.credentials.orgId) headers.set("x-org-id", t.credentials.orgId);
    const body = request.body ? await request.text() : undefined;
    return vendorFetch({
      vendor: "jumpcloud",
      operation,
      url: request.url,
      idempotent,
      init: { method: request.method, headers, body },
      fetch: t.fetch,
      timeoutMs: t.timeoutMs,
      retry: t.retry,
      signal: undefined,
      messageOf,
    });
  };
}

/**
 * A GET sent straight through vendorFetch with the same headers as
 * operationFetch, for reads made by the ten thousand (a sync's graph reads),
 * where building a Request per call is a measurable share of the work.
 */
export function sendGet(t: TransportOptions, operation: string, url: string): Promise<Response> {
  const headers: Record<string, string> = { "x-api-key": t.credentials.apiKey, accept: "application/json" };
  if (t.credentials.orgId) headers["x-org-id"] = t.credentials.orgId;
  return vendorFetch({
    vendor: "jumpcloud",
    operation,
    url,
    idempotent: true,
    init: { method: "GET", headers },
    fetch: t.fetch,
    timeoutMs: t.timeoutMs,
    retry: t.retry,
    signal: undefined,
    messageOf,
  });
}

/**
 * v1 query strings. v1 `filter` is a string; several are ANDed as
 * filter[0]=…&filter[1]=… (v1 spec, the filter parameter's notes). v1 list
 * routes take no other array.
 */
export function v1QuerySerializer(query: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      if (k === "filter" && v.length > 1) {
        v.forEach((x, i) => {
          p.append(`filter[${i}]`, String(x));
        });
      } else {
        v.forEach((x) => {
          p.append(k, String(x));
        });
      }
    } else p.append(k, String(v));
  }
  return p.toString();
}

/**
 * v2 query strings. Every v2 array query parameter the client sends
 * (`targets`, `filter`, `sort`, `fields`) is `style: form, explode: false`
 * in the v2 spec: one key, values comma-separated (targets=system,system_group),
 * as JumpCloud's own generated SDKs send them (collectionFormat csv).
 */
export const v2QuerySerializer = createQuerySerializer({ array: { style: "form", explode: false } });
