import createClient, { type Client } from "openapi-fetch";
import type { z } from "zod";
import { type FetchLike, type RetryPolicy, readJson } from "../core/http";
import { VendorError } from "../core/vendor-error";
import type { paths as V1 } from "./generated/v1";
import type { paths as V2 } from "./generated/v2";
import type { paths as V2Seed } from "./generated/v2-seed";
import type { Page } from "./paging";
import {
  type JumpCloudCredentials,
  operationFetch,
  sendGet,
  type TransportOptions,
  v1QuerySerializer,
  v2QuerySerializer,
} from "./transport";

export const VENDOR = "jumpcloud" as const;

export interface JumpCloudClientOptions {
  /** The console origin, e.g. https://console.jumpcloud.com (EU: https://console.eu.jumpcloud.com). */
  baseUrl: string;
  credentials: JumpCloudCredentials;
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

/** What every resource call needs: the transport and the v1 (/api) and v2 (/api/v2) openapi-fetch clients. */
export interface JcCore {
  readonly t: TransportOptions;
  readonly v1: Client<V1>;
  readonly v2: Client<V2 & V2Seed>;
  readonly v2Base: string;
}

export function createCore(opts: JumpCloudClientOptions): JcCore {
  const origin = opts.baseUrl.replace(/\/+$/, "");
  return {
    t: {
      credentials: opts.credentials,
      fetch: opts.fetch ?? globalThis.fetch,
      timeoutMs: opts.timeoutMs ?? 30_000,
      retry: opts.retry,
    },
    v1: createClient<V1>({ baseUrl: `${origin}/api`, querySerializer: v1QuerySerializer }),
    v2: createClient<V2 & V2Seed>({ baseUrl: `${origin}/api/v2`, querySerializer: v2QuerySerializer }),
    v2Base: `${origin}/api/v2`,
  };
}

export interface V1ListQuery {
  limit?: number;
  skip?: number;
  /** Space-separated; `-field` descending. */
  sort?: string;
  /** Space-separated field list. */
  fields?: string;
  /** `field:$eq:value`; several are ANDed. */
  filter?: string | string[];
}

/** A v1 list query without its page: what a read of every page is asked for. */
export type V1Filter = Omit<V1ListQuery, "limit" | "skip">;

/** The query of a paged request whose answer comes back in `{ items, total }`. */
export type PageQuery = { limit?: number; skip?: number };

/** Sort by _id whenever paging, so concurrent changes cause no gaps or duplicates. */
export function withStableSort<Q extends { skip?: number; sort?: string; limit?: number }>(q: Q): Q {
  return q.skip !== undefined && !q.sort ? { ...q, sort: "_id" } : q;
}

/** The openapi-fetch options of one operation: its fetch (headers, retries, VendorError) and an unread body. */
export function op(c: JcCore, operation: string, idempotent: boolean) {
  return { fetch: operationFetch(c.t, operation, idempotent), parseAs: "stream" as const };
}

/** Array schemas built once per item schema: building a zod schema costs more than parsing a small page with it. */
const arrays = new WeakMap<z.ZodType, z.ZodArray<z.ZodType>>();
function arrayOf<Sc extends z.ZodType>(schema: Sc): z.ZodArray<Sc> {
  let a = arrays.get(schema);
  if (!a) {
    a = schema.array();
    arrays.set(schema, a);
  }
  return a as z.ZodArray<Sc>;
}

/** Drains a body the client does not use (v1 actions answer an unspecified string). */
export async function discard(res: Response) {
  await res.text().catch(() => "");
}

function total(res: Response): number | undefined {
  const h = res.headers.get("x-total-count");
  return h === null || h === "" || Number.isNaN(Number(h)) ? undefined : Number(h);
}

async function pageOf<Sc extends z.ZodType>(
  response: Response,
  schema: Sc,
  operation: string,
): Promise<Page<z.output<Sc>>> {
  const items = (await readJson(response, arrayOf(schema), VENDOR, operation)) as z.output<Sc>[];
  return { items, total: total(response) };
}

export async function json<Sc extends z.ZodType>(
  call: Promise<{ response: Response }>,
  schema: Sc,
  operation: string,
): Promise<z.output<Sc>> {
  return readJson((await call).response, schema, VENDOR, operation);
}

/** A v1 list page: v1 lists answer `{ totalCount, results }`. */
export async function v1Page<T>(
  call: Promise<{ response: Response }>,
  schema: z.ZodType<{ totalCount: number; results: T[] }>,
  operation: string,
): Promise<Page<T>> {
  const r = await json(call, schema, operation);
  return { items: r.results, total: r.totalCount };
}

/** A v2 list page: the items, and x-total-count when the route sends it. */
export async function v2Page<Sc extends z.ZodType>(
  call: Promise<{ response: Response }>,
  schema: Sc,
  operation: string,
): Promise<Page<z.output<Sc>>> {
  return pageOf((await call).response, schema, operation);
}

/**
 * A v2 list read without openapi-fetch: the URL it would build (path
 * segments encoded, the same query serializer), the same headers, retries
 * and errors. For the graph reads a sync sends once per user and group.
 */
export async function v2Read<Sc extends z.ZodType>(
  c: JcCore,
  segments: string[],
  query: Record<string, unknown>,
  schema: Sc,
  operation: string,
): Promise<Page<z.output<Sc>>> {
  const search = v2QuerySerializer(query);
  const url = `${c.v2Base}/${segments.map(encodeURIComponent).join("/")}${search ? `?${search}` : ""}`;
  return pageOf(await sendGet(c.t, operation, url), schema, operation);
}

/** An answer whose body is not read: only its status, one of `accept`, says it worked. */
export async function noContent(
  call: Promise<{ response: Response }>,
  operation: string,
  accept: number[],
): Promise<void> {
  const { response } = await call;
  await discard(response);
  if (!accept.includes(response.status)) {
    throw new VendorError({
      vendor: VENDOR,
      operation,
      kind: "invalid_response",
      status: response.status,
      retryable: false,
      vendorMessage: `expected HTTP ${accept.join(" or ")}, got ${response.status}`,
    });
  }
}
