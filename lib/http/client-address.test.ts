import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { trustedProxies } from "./trusted-proxies";

const nobody = trustedProxies(undefined);

describe("clientAddress", () => {
  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", nobody)).toBe("127.0.0.1");
    expect(clientAddress("198.51.100.20", "203.0.113.9, 10.0.0.1", nobody)).toBe("198.51.100.20");
    expect(clientAddress("198.51.100.20", null, nobody)).toBe("198.51.100.20");
  });

  it("ignores X-Forwarded-For from a peer that is not one of the trusted proxies", () => {
    expect(clientAddress("198.51.100.20", "203.0.113.9", trustedProxies("10.0.0.0/8"))).toBe("198.51.100.20");
  });

  it("steps left through X-Forwarded-For while the address in hand is a trusted proxy", () => {
    const trusted = trustedProxies("10.0.0.1, 10.0.0.2");
    // client → 10.0.0.2 → 10.0.0.1 → console
    expect(clientAddress("10.0.0.1", "203.0.113.9, 10.0.0.2", trusted)).toBe("203.0.113.9");
    // Only one of the two proxies is trusted: the other is as far as anyone vouches.
    expect(clientAddress("10.0.0.1", "203.0.113.9, 10.0.0.3", trusted)).toBe("10.0.0.3");
  });

  it("never reads the entries a client put left of what the trusted proxies recorded", () => {
    const trusted = trustedProxies("10.0.0.0/8");
    // The client sent "X-Forwarded-For: 1.2.3.4, 10.9.9.9" itself; the proxy appended its real address.
    expect(clientAddress("10.0.0.1", "1.2.3.4, 10.9.9.9, 198.51.100.77", trusted)).toBe("198.51.100.77");
    expect(clientAddress("10.0.0.1", "127.0.0.1,198.51.100.77", trusted)).toBe("198.51.100.77");
  });

  it("matches CIDR ranges for IPv4 and IPv6", () => {
    const trusted = trustedProxies("192.168.0.0/16, 2001:db8::/32");
    expect(clientAddress("192.168.44.3", "203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(clientAddress("192.169.0.1", "203.0.113.9", trusted)).toBe("192.169.0.1");
    expect(clientAddress("2001:db8:1::5", "2001:db8::7, 2a00:1450::1", trusted)).toBe("2a00:1450::1");
    expect(clientAddress("2001:db9::5", "2a00:1450::1", trusted)).toBe("2001:db9::5");
  });

  it("treats an IPv4-mapped IPv6 peer as its IPv4 address, for trust and in the result", () => {
    const trusted = trustedProxies("127.0.0.1");
    expect(clientAddress("::ffff:127.0.0.1", "203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:198.51.100.20", "203.0.113.9", trusted)).toBe("198.51.100.20");
    expect(clientAddress("10.0.0.1", "::ffff:203.0.113.9", trustedProxies("::ffff:10.0.0.0/104"))).toBe("203.0.113.9");
  });

  it("reads hops written with ports or brackets, and spells IPv6 one way", () => {
    const trusted = trustedProxies("10.0.0.1");
    expect(clientAddress("10.0.0.1", "203.0.113.9:51234", trusted)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.1", "[2001:DB8:0:0::1]:443", trusted)).toBe("2001:db8::1");
  });

  it("stops at the trusted proxy that passed on a hop that is not an address", () => {
    const trusted = trustedProxies("10.0.0.1");
    expect(clientAddress("10.0.0.1", "203.0.113.9, unknown", trusted)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", "<script>", trusted)).toBe("10.0.0.1");
  });

  it("is the leftmost hop when every hop is a trusted proxy, and the proxy itself when it forwarded nothing", () => {
    const trusted = trustedProxies("10.0.0.0/8");
    expect(clientAddress("10.0.0.1", "10.0.0.9, 10.0.0.2", trusted)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.1", "", trusted)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", null, trusted)).toBe("10.0.0.1");
  });
});
