/**
 * The caller's address as Next.js passes it on (first X-Forwarded-For hop).
 * Behind a reverse proxy, the proxy must overwrite that header, or per-address
 * throttling can be sidestepped by a client that sends its own.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

export function userAgent(headers: Headers): string | null {
  return headers.get("user-agent");
}
