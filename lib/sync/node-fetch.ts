import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type { FetchLike } from "../vendors/core/http";

// A sync sends tens of thousands of small GETs. The global fetch (undici)
// spends several hundred microseconds of CPU on each beyond the socket work
// (streams, request and response objects, abort wiring); node:http over
// kept-alive sockets spends a fraction of that. This is a fetch for the vendor
// clients with what they use: method, headers, a text or bytes body, a signal,
// redirects never followed (the clients ask for "manual"), compressed answers
// decoded. Anything else (a Request object, a stream body) goes to the global
// fetch.

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** Statuses whose Response must have no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A Response over a body already read whole. Building a Response from bytes
 * wraps them in a web stream (a measurable cost per request); the clients
 * only ever read the text (or the JSON, or the bytes), so this one keeps the
 * bytes and answers those from them. `body` is null: nothing here streams.
 */
class BufferedResponse extends Response {
  #bytes: Buffer;
  #used = false;

  constructor(bytes: Buffer, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  #take(): Buffer {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#bytes;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async text(): Promise<string> {
    return this.#take().toString("utf8");
  }

  override async json(): Promise<unknown> {
    return JSON.parse(this.#take().toString("utf8"));
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override clone(): Response {
    if (this.#used) throw new TypeError("Response.clone: Body has already been consumed.");
    return new BufferedResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
  }
}

function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init) return out;
  if (init instanceof Headers)
    init.forEach((v, k) => {
      out[k] = v;
    });
  else if (Array.isArray(init)) for (const [k, v] of init) out[k.toLowerCase()] = v;
  else for (const [k, v] of Object.entries(init)) out[k.toLowerCase()] = v;
  return out;
}

function bodyBytes(body: BodyInit | null | undefined): Buffer | string | undefined | false {
  if (body === null || body === undefined) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof URLSearchParams) return body.toString();
  return false;
}

function decoded(res: http.IncomingMessage): Readable {
  switch (res.headers["content-encoding"]) {
    case "gzip":
    case "x-gzip":
      return res.pipe(zlib.createGunzip());
    case "deflate":
      return res.pipe(zlib.createInflate());
    case "br":
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

export const nodeFetch: FetchLike = (input, init = {}) => {
  const body = bodyBytes(init.body);
  if (input instanceof Request || body === false) return globalThis.fetch(input, init);
  const url = new URL(String(input));
  const transport = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
  if (!transport) return globalThis.fetch(input, init);
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);

  return new Promise<Response>((resolve, reject) => {
    const headers = headerRecord(init.headers);
    // What the global fetch sends by default: some APIs refuse a request
    // without a user agent, and compressed answers travel faster.
    headers["user-agent"] ??= "node";
    headers["accept-encoding"] ??= "gzip, deflate, br";
    if (init.body instanceof URLSearchParams)
      headers["content-type"] ??= "application/x-www-form-urlencoded;charset=UTF-8";
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const req = transport.request(
      url,
      { method: init.method ?? "GET", headers, agent: agents[url.protocol as "http:" | "https:"] },
      (res) => {
        const chunks: Buffer[] = [];
        const stream = decoded(res);
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("error", (err) => finish(() => reject(new TypeError("fetch failed", { cause: err }))));
        stream.on("end", () =>
          finish(() => {
            const status = res.statusCode ?? 0;
            const pairs: [string, string][] = [];
            // rawHeaders alternates name and value.
            for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
              pairs.push([res.rawHeaders[i] ?? "", res.rawHeaders[i + 1] ?? ""]);
            const init = { status, statusText: res.statusMessage, headers: pairs };
            resolve(
              NULL_BODY.has(status) ? new Response(null, init) : new BufferedResponse(Buffer.concat(chunks), init),
            );
          }),
        );
      },
    );
    // As fetch does: a network failure is a TypeError whose cause says what happened.
    req.on("error", (err) =>
      finish(() => reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: err }))),
    );
    function onAbort() {
      finish(() => reject(signal!.reason));
      req.destroy();
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    req.end(body);
  });
};
