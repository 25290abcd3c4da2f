import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_HEADER, EDGE_KEY_HEADER, stampedClientAddress, stampRequest } from "./edge-stamp";
import { trustedProxies } from "./trusted-proxies";

const key = "k".repeat(43);
const plain = { key, isTrusted: trustedProxies(undefined) };
const behindProxy = { key, isTrusted: trustedProxies("10.0.0.1") };
const asFetchHeaders = (h: IncomingHttpHeaders) => new Headers(Object.entries(h).map(([k, v]) => [k, String(v)]));

describe("stampRequest (the web server, before Next.js sees a request)", () => {
  it("stamps the socket peer, dropping a client's forwarding headers and any stamp it forged", () => {
    const headers: IncomingHttpHeaders = {
      host: "console.example",
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=203.0.113.9",
      [CLIENT_HEADER]: "203.0.113.9",
      [EDGE_KEY_HEADER]: "guess",
    };
    stampRequest(headers, { remoteAddress: "198.51.100.20" }, plain);
    expect(headers[CLIENT_HEADER]).toBe("198.51.100.20");
    expect(headers[EDGE_KEY_HEADER]).toBe(key);
    expect(headers["x-forwarded-for"]).toBeUndefined();
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
    // The protocol of the connection itself, as Next would fill it in.
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers.host).toBe("console.example");
  });

  it("keeps a trusted proxy's forwarding headers and takes the client from its X-Forwarded-For", () => {
    const headers: IncomingHttpHeaders = {
      "x-forwarded-for": "1.2.3.4, 203.0.113.9",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "console.example",
    };
    stampRequest(headers, { remoteAddress: "::ffff:10.0.0.1" }, behindProxy);
    expect(headers[CLIENT_HEADER]).toBe("203.0.113.9");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-forwarded-host"]).toBe("console.example");
  });

  it("leaves Next's request to itself as it is: it carries the key and the original stamp", () => {
    const original: IncomingHttpHeaders = { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" };
    stampRequest(original, { remoteAddress: "10.0.0.1" }, behindProxy);
    const copied = { ...original };
    stampRequest(copied, { remoteAddress: "127.0.0.1" }, behindProxy);
    expect(copied).toEqual(original);
    expect(copied[CLIENT_HEADER]).toBe("203.0.113.9");
  });

  it("does not take a key sent twice, or another process's key, for its own", () => {
    const headers: IncomingHttpHeaders = { [EDGE_KEY_HEADER]: `${key}, ${key}`, [CLIENT_HEADER]: "203.0.113.9" };
    stampRequest(headers, { remoteAddress: "198.51.100.20" }, plain);
    expect(headers[CLIENT_HEADER]).toBe("198.51.100.20");
    const other: IncomingHttpHeaders = { [EDGE_KEY_HEADER]: "x".repeat(43), [CLIENT_HEADER]: "203.0.113.9" };
    stampRequest(other, { remoteAddress: "198.51.100.20" }, plain);
    expect(other[CLIENT_HEADER]).toBe("198.51.100.20");
  });

  it("marks a TLS connection as https", () => {
    const headers: IncomingHttpHeaders = {};
    stampRequest(headers, { remoteAddress: "198.51.100.20", encrypted: true }, plain);
    expect(headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("stampedClientAddress (the app)", () => {
  it("reads the stamp only with the web server's key", () => {
    const headers: IncomingHttpHeaders = {};
    stampRequest(headers, { remoteAddress: "127.0.0.1" }, plain);
    expect(stampedClientAddress(asFetchHeaders(headers), key)).toBe("127.0.0.1");
    expect(stampedClientAddress(asFetchHeaders(headers), "another key of the same size, forty-three c")).toBeNull();
  });

  it("is null when the app runs without the web server, whatever the client sent", () => {
    const forged = new Headers({ [CLIENT_HEADER]: "203.0.113.9", [EDGE_KEY_HEADER]: "" });
    expect(stampedClientAddress(forged, "")).toBeNull();
  });
});
