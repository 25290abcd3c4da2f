import { stampedClientAddress } from "../http/edge-stamp";

/**
 * The caller's address for throttling and the audit log: the one the web
 * server stamped from the socket and the trusted proxies
 * (lib/http/edge-stamp.ts). Never a header the client wrote: without the
 * stamp (the app started without scripts/web-server.ts) the address is
 * "unknown" rather than something the client chose.
 */
export function clientIp(headers: Headers): string {
  return stampedClientAddress(headers) ?? "unknown";
}

export function userAgent(headers: Headers): string | null {
  return headers.get("user-agent");
}
