import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendorFetch } from "../vendors/core/http";
import { VendorError } from "../vendors/core/vendor-error";
import { nodeFetch } from "./node-fetch";

let server: http.Server;
let base = "";
const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const path = req.url ?? "/";
      if (path.startsWith("/json")) {
        res.writeHead(200, { "content-type": "application/json", "x-total-count": "7" });
        res.end(JSON.stringify({ ok: "é ✓", q: path }));
      } else if (path === "/empty") {
        res.writeHead(204);
        res.end();
      } else if (path === "/moved") {
        res.writeHead(301, { location: "/json" });
        res.end();
      } else if (path === "/gzip") {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        res.end(zlib.gzipSync(JSON.stringify({ zipped: true })));
      } else if (path === "/limited") {
        res.writeHead(429, { "retry-after": "0", "content-type": "application/json" });
        res.end(JSON.stringify({ message: "Too Many Requests" }));
      } else if (path === "/hang") {
        // never answers
      } else {
        res.writeHead(404);
        res.end("nope");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("nodeFetch", () => {
  it("answers as fetch does: status, headers, UTF-8 text", async () => {
    const res = await nodeFetch(`${base}/json?a=1&b=x%20y`, {
      headers: { Authorization: "Bearer t", accept: "application/json" },
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get("x-total-count")).toBe("7");
    expect(await res.json()).toEqual({ ok: "é ✓", q: "/json?a=1&b=x%20y" });
    expect(seen.at(-1)!.headers.authorization).toBe("Bearer t");
    expect(seen.at(-1)!.headers["accept-encoding"]).toContain("gzip");
    expect(seen.at(-1)!.headers["user-agent"]).toBeTruthy();
  });

  it("sends a body with its length and Headers objects as they are", async () => {
    const res = await nodeFetch(`${base}/json`, {
      method: "POST",
      headers: new Headers({ "content-type": "application/json", "x-org-id": "o1" }),
      body: JSON.stringify({ q: "ü" }),
    });
    await res.text();
    const last = seen.at(-1)!;
    expect(last.method).toBe("POST");
    expect(last.body).toBe('{"q":"ü"}');
    expect(last.headers["content-length"]).toBe(String(Buffer.byteLength('{"q":"ü"}')));
    expect(last.headers["x-org-id"]).toBe("o1");
  });

  it("gives 204 no body, does not follow redirects, and decodes gzip", async () => {
    const empty = await nodeFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const moved = await nodeFetch(`${base}/moved`, { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/json");
    expect(await (await nodeFetch(`${base}/gzip`)).json()).toEqual({ zipped: true });
  });

  it("rejects with the signal's reason when aborted, and a TypeError when the connection fails", async () => {
    await expect(nodeFetch(`${base}/hang`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    await expect(nodeFetch("http://127.0.0.1:1/x")).rejects.toBeInstanceOf(TypeError);
  });

  it("works under vendorFetch: a timeout is a retryable timeout error, a 429 is retried", async () => {
    const req = {
      vendor: "truu" as const,
      operation: "t",
      fetch: nodeFetch,
      idempotent: true,
      retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1000 },
    };
    const err = await vendorFetch({ ...req, url: `${base}/hang`, init: {}, timeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorError);
    expect((err as VendorError).info.kind).toBe("timeout");
    const before = seen.length;
    const limited = await vendorFetch({
      ...req,
      url: `${base}/limited`,
      init: {},
      timeoutMs: 1000,
      retry: { ...req.retry, retries: 2 },
    }).catch((e: unknown) => e);
    expect((limited as VendorError).status).toBe(429);
    expect((limited as VendorError).vendorMessage).toBe("Too Many Requests");
    expect(seen.length - before).toBe(3);
  });
});

describe("nodeFetch's answers", () => {
  it("read once, as text, JSON or bytes, and clone before reading", async () => {
    const res = await nodeFetch(`${base}/json`);
    const copy = res.clone();
    expect(res.bodyUsed).toBe(false);
    expect(JSON.parse(await res.text())).toMatchObject({ ok: "é ✓" });
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toBeInstanceOf(TypeError);
    expect(new TextDecoder().decode(await copy.arrayBuffer())).toContain("é ✓");
    expect(res).toBeInstanceOf(Response);
  });
});
