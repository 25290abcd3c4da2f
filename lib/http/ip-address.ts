import ipaddr from "ipaddr.js";

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Parses one address as a socket or a proxy reports it: plain IPv4 or IPv6,
 * `[v6]`, or either with a `:port` (some proxies append one). IPv4 must be
 * four decimal parts (ipaddr.js would also read "127.1" or hex). An IPv4
 * address mapped into IPv6 (`::ffff:10.0.0.1`, what a socket listening on
 * `::` reports for an IPv4 client) is returned as the IPv4 address, so one
 * client has one spelling in throttling and in the audit log.
 */
export function parseIpAddress(text: string): IpAddress | null {
  let s = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s);
  if (!ipaddr.IPv6.isValid(s)) return null;
  const v6 = ipaddr.IPv6.parse(s);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** The address in its one canonical spelling (RFC 5952 for IPv6), or null when it is not an address. */
export function normalizeIpAddress(text: string): string | null {
  return parseIpAddress(text)?.toString() ?? null;
}
