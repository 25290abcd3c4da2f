import type { z } from "zod";
import { type FetchLike, type RetryPolicy, readJson, vendorFetch } from "../core/http";
import { VendorError } from "../core/vendor-error";
import type { PaceKind, Pacer } from "./pacer";
import { GraphqlEnvelope } from "./schemas";

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  fetch: FetchLike;
  timeoutMs: number;
  retry?: RetryPolicy;
  pacer: Pacer;
}

export interface GraphqlCall<S extends z.ZodType> {
  /** The root field; names the operation in errors. */
  field: string;
  document: string;
  variables?: Record<string, unknown>;
  schema: S;
}

/** `https://<network>.twingate.com` → `https://<network>.twingate.com/api/graphql/` (the trailing slash matters). */
export function graphqlUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/graphql/`;
}

function errorsMessage(body: unknown): string | undefined {
  const errors = (body as { errors?: { message?: unknown }[] } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const messages = errors.map((e) => e?.message).filter((m): m is string => typeof m === "string");
  return messages.length ? messages.join("; ") : undefined;
}

/**
 * One GraphQL call: sent through vendorFetch (queries may be resent,
 * mutations are not once their outcome is unknown), each attempt paced (a
 * resend is one more request of the token's 60 reads / 20 writes a minute,
 * NOTES.md §3; Retry-After is still waited out first), then GraphQL `errors`
 * become a "vendor" VendorError and the root field is checked against `schema`.
 */
export async function graphql<S extends z.ZodType>(
  t: TransportOptions,
  kind: PaceKind,
  call: GraphqlCall<S>,
): Promise<z.output<S>> {
  const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(call.document)?.[1];
  const res = await vendorFetch({
    vendor: "twingate",
    operation: call.field,
    url: graphqlUrl(t.baseUrl),
    init: {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "X-API-KEY": t.apiKey },
      body: JSON.stringify({ query: call.document, variables: call.variables ?? {}, operationName }),
    },
    fetch: t.fetch,
    timeoutMs: t.timeoutMs,
    idempotent: kind === "read",
    retry: t.retry,
    beforeAttempt: () => t.pacer.acquire(kind),
    messageOf: (body) => errorsMessage(body),
  });
  const envelope = await readJson(res, GraphqlEnvelope, "twingate", call.field);
  if (envelope.errors?.length) {
    throw new VendorError({
      vendor: "twingate",
      operation: call.field,
      kind: "vendor",
      status: res.status,
      retryable: false,
      vendorMessage: errorsMessage(envelope) ?? "GraphQL error",
    });
  }
  const parsed = call.schema.safeParse(envelope.data?.[call.field]);
  if (!parsed.success) {
    throw new VendorError({
      vendor: "twingate",
      operation: call.field,
      kind: "invalid_response",
      status: res.status,
      retryable: false,
      vendorMessage: `unexpected response shape: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${[call.field, ...i.path].join(".")} ${i.message}`)
        .join("; ")}`,
    });
  }
  return parsed.data;
}

/** A mutation payload with ok:false is the vendor refusing: its `error` text, verbatim. */
export function unwrapPayload<P extends { ok: boolean; error: string | null }>(field: string, payload: P): P {
  if (!payload.ok) {
    throw new VendorError({
      vendor: "twingate",
      operation: field,
      kind: "vendor",
      status: 200,
      retryable: false,
      vendorMessage: payload.error ?? "the operation failed (ok:false without an error text)",
    });
  }
  return payload;
}
