import ipaddr from "ipaddr.js";
import { type IpAddress, parseIpAddress } from "./ip-address";

type Range = [IpAddress, number];

// The names Express (proxy-addr) gives the usual private ranges, so a
// deployment can write `loopback` for a reverse proxy on the same machine.
const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

function parseRange(entry: string): Range {
  const [text = "", bitsText, extra] = entry.split("/");
  const invalid = (why: string) => new Error(`CONSOLE_TRUSTED_PROXIES: "${entry}" ${why}`);
  // Strict here (no brackets or ports): this is configuration, not a header.
  const addr = ipaddr.IPv4.isValidFourPartDecimal(text)
    ? ipaddr.IPv4.parse(text)
    : ipaddr.IPv6.isValid(text)
      ? ipaddr.IPv6.parse(text)
      : null;
  if (!addr) throw invalid(`is not an address, a CIDR range or one of ${Object.keys(NAMED).join(", ")}`);
  if (extra !== undefined || (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)))
    throw invalid("has an invalid prefix length");
  const bits = bitsText === undefined ? (addr.kind() === "ipv4" ? 32 : 128) : Number(bitsText);
  if (bits > (addr.kind() === "ipv4" ? 32 : 128)) throw invalid("has an invalid prefix length");
  return [addr, bits];
}

/**
 * Reads CONSOLE_TRUSTED_PROXIES: addresses, CIDR ranges and the names
 * loopback, linklocal and uniquelocal, separated by commas or spaces. Returns
 * whether an address (a socket peer or a forwarded hop) is one of them.
 * Unset or empty trusts nobody. A wrong entry throws, so a typo stops the
 * server at start instead of silently trusting no one (or everyone).
 */
export function trustedProxies(spec: string | undefined): (address: string) => boolean {
  const ranges = (spec ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry) => (NAMED[entry.toLowerCase()] ?? [entry]).map(parseRange));
  if (ranges.length === 0) return () => false;
  return (address) => {
    const addr = parseIpAddress(address);
    if (!addr) return false;
    // Addresses arrive IPv4-mapped-as-IPv4 (parseIpAddress); an IPv6 range
    // such as ::ffff:10.0.0.0/104 is matched by their mapped form.
    const mapped = addr.kind() === "ipv4" ? (addr as ipaddr.IPv4).toIPv4MappedAddress() : null;
    return ranges.some(([net, bits]) =>
      net.kind() === addr.kind() ? addr.match(net, bits) : !!mapped && net.kind() === "ipv6" && mapped.match(net, bits),
    );
  };
}
