import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { clientAddress } from "./client-address";

// Next.js hands the app no socket address: `next start` only fills in
// X-Forwarded-For when the client did not send one (`??=` in its base
// server), so a client's own header reaches the app as is. The console's web
// server (scripts/web-server.ts) therefore decides at the socket, before
// Next sees the request, and stamps the answer on it.

/** The client's address as the web server worked it out. */
export const CLIENT_HEADER = "x-console-client";
/**
 * Proves the stamp came from this console's web server: a per-start secret
 * shared by its processes (CONSOLE_EDGE_KEY). Next copies a request's headers
 * when it asks itself for the page a server action redirects to; that
 * request arrives from loopback carrying the original stamp, and the key
 * lets it keep it.
 */
export const EDGE_KEY_HEADER = "x-console-edge";
/** Forwarding headers Next.js and Auth.js read as they are; only a trusted proxy may set them. */
const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
];

function sameKey(sent: string | string[] | null | undefined, key: string): boolean {
  if (typeof sent !== "string" || !key) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);

/**
 * Run by the web server on every request before Next.js sees it (headers
 * are changed in place). A request that is not Next's own loses any stamp it
 * brought; from a peer that is not a trusted proxy it also loses the
 * forwarding headers, so Next and Auth.js derive host, protocol and address
 * from the connection; then it gets the client address and the key.
 */
export function stampRequest(
  headers: IncomingHttpHeaders,
  socket: { remoteAddress?: string; encrypted?: boolean },
  opts: { key: string; isTrusted: (address: string) => boolean },
): void {
  if (sameKey(headers[EDGE_KEY_HEADER], opts.key)) return;
  delete headers[EDGE_KEY_HEADER];
  delete headers[CLIENT_HEADER];
  const peer = socket.remoteAddress ?? "unknown"; // undefined only once the socket is gone
  if (!opts.isTrusted(peer)) for (const name of FORWARDING_HEADERS) delete headers[name];
  // What Next would fill in later, set now so that proxy.ts sees it too.
  headers["x-forwarded-proto"] ??= socket.encrypted ? "https" : "http";
  headers[CLIENT_HEADER] = clientAddress(peer, one(headers["x-forwarded-for"]), opts.isTrusted);
  headers[EDGE_KEY_HEADER] = opts.key;
}

/**
 * The client address the web server stamped, or null when the request did
 * not come through it (the app was started some other way, and any such
 * header is the client's own word).
 */
export function stampedClientAddress(headers: Headers, key = process.env.CONSOLE_EDGE_KEY ?? ""): string | null {
  return sameKey(headers.get(EDGE_KEY_HEADER), key) ? headers.get(CLIENT_HEADER) : null;
}
