import { normalizeIpAddress } from "./ip-address";

/**
 * The client's address, from the socket peer outwards: while the address in
 * hand is a trusted proxy, the hop that proxy recorded (the next one leftwards
 * in X-Forwarded-For) is taken instead; the first address that is not a
 * trusted proxy is the client. Entries left of it were written by the client
 * or by proxies nobody vouches for, so they are never read: a client that
 * sends its own X-Forwarded-For changes nothing. With no trusted proxies the
 * socket peer is the client.
 *
 * A hop that is not an address (garbage, "unknown", an obfuscated name) ends
 * the walk at the trusted proxy that passed it on: that proxy is the last
 * address anyone vouches for. When every hop is trusted, the leftmost is the
 * client, as proxy-addr does.
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | null | undefined,
  isTrusted: (address: string) => boolean,
): string {
  let client = normalizeIpAddress(peer) ?? peer;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  while (isTrusted(client) && hops.length > 0) {
    const next = normalizeIpAddress(hops.pop()!);
    if (!next) break;
    client = next;
  }
  return client;
}
