import { isIP } from "node:net";
import { parseIpAddress } from "../http/ip-address";

/**
 * Where a vendor credential may be sent. A base URL must be https to a
 * public address; this machine's loopback (http or https) only while demo
 * mode (simulators) or a test run is on; an address literal that is private,
 * link-local or reserved (10.x, 169.254.169.254, fd00::…) never, so that
 * "Test connection" cannot be made to probe the console's own network. A
 * deployment can instead list the origins it allows in
 * CONSOLE_VENDOR_URL_ALLOWLIST (comma-separated, `https://*.twingate.com`
 * style; `*.` stands for one or more labels): then a base URL must match one
 * of them, and an origin listed there is allowed as listed. (A host name is
 * not resolved here: one that points into a private network is the
 * allow-list's to exclude.)
 */
export function baseUrlRefusal(raw: string, env: Record<string, string | undefined> = process.env): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an https URL";
  if (url.username || url.password) return "must not hold a user name or password";
  if (url.search || url.hash) return "must not have a query or fragment";
  const allowList = parseAllowList(env.CONSOLE_VENDOR_URL_ALLOWLIST);
  if (allowList.length) {
    return allowList.some((entry) => originMatches(url, entry))
      ? null
      : `is not on this console's list of vendor addresses (CONSOLE_VENDOR_URL_ALLOWLIST)`;
  }
  if (isLoopback(url.hostname))
    return loopbackAllowed(env) ? null : "must be an https URL to the vendor, not this machine";
  const ip = parseIpAddress(url.hostname);
  if (ip && ip.range() !== "unicast")
    return `must not be a ${ip.range()} address (list it in CONSOLE_VENDOR_URL_ALLOWLIST if it really is the vendor)`;
  return url.protocol === "https:" ? null : "must be an https URL";
}

function loopbackAllowed(env: Record<string, string | undefined>): boolean {
  return env.CONSOLE_DEMO !== "0" || env.NODE_ENV === "test";
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || /^::ffff:127\./.test(host);
  return false;
}

interface AllowEntry {
  protocol: string;
  host: string;
  port: string;
  wildcard: boolean;
}

function parseAllowList(raw: string | undefined): AllowEntry[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const wildcard = /^[a-z]+:\/\/\*\./i.test(entry);
      const url = new URL(entry.replace("://*.", "://wildcard."));
      return {
        protocol: url.protocol,
        host: wildcard ? url.hostname.slice("wildcard.".length) : url.hostname,
        port: url.port,
        wildcard,
      };
    });
}

function originMatches(url: URL, entry: AllowEntry): boolean {
  if (url.protocol !== entry.protocol || url.port !== entry.port) return false;
  const host = url.hostname.toLowerCase();
  return entry.wildcard ? host.endsWith(`.${entry.host}`) : host === entry.host;
}
