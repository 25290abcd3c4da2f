import { describe, expect, it } from "vitest";
import { trustedProxies } from "./trusted-proxies";

describe("trustedProxies (CONSOLE_TRUSTED_PROXIES)", () => {
  it("trusts nobody when unset or empty", () => {
    for (const spec of [undefined, "", "  , "]) {
      const trusted = trustedProxies(spec);
      expect(["127.0.0.1", "::1", "10.0.0.1"].some(trusted)).toBe(false);
    }
  });

  it("takes single addresses and ranges, separated by commas or spaces", () => {
    const trusted = trustedProxies("10.1.2.3 172.16.0.0/12,fd00::/8");
    expect(trusted("10.1.2.3")).toBe(true);
    expect(trusted("10.1.2.4")).toBe(false);
    expect(trusted("172.31.255.255")).toBe(true);
    expect(trusted("172.32.0.0")).toBe(false);
    expect(trusted("fd12::1")).toBe(true);
    expect(trusted("fe80::1")).toBe(false);
  });

  it("knows loopback, linklocal and uniquelocal", () => {
    const loopback = trustedProxies("loopback");
    expect(loopback("127.0.0.1")).toBe(true);
    expect(loopback("127.9.9.9")).toBe(true);
    expect(loopback("::1")).toBe(true);
    expect(loopback("::ffff:127.0.0.1")).toBe(true);
    expect(loopback("10.0.0.1")).toBe(false);
    const local = trustedProxies("LinkLocal, uniquelocal");
    expect(["169.254.1.1", "fe80::1", "10.0.0.1", "192.168.1.1", "fc00::1"].every(local)).toBe(true);
    expect(local("8.8.8.8")).toBe(false);
  });

  it("matches IPv4 addresses against IPv4-mapped IPv6 ranges and the other way round", () => {
    expect(trustedProxies("::ffff:10.0.0.0/104")("10.200.0.1")).toBe(true);
    expect(trustedProxies("::ffff:10.0.0.0/104")("11.0.0.1")).toBe(false);
    expect(trustedProxies("10.0.0.0/8")("::ffff:10.200.0.1")).toBe(true);
  });

  it("never trusts something that is not an address", () => {
    const trusted = trustedProxies("0.0.0.0/0, ::/0");
    expect(trusted("203.0.113.9")).toBe(true);
    expect(trusted("unknown")).toBe(false);
    expect(trusted("")).toBe(false);
  });

  it.each([
    "10.0.0.300",
    "proxy.example",
    "10.0.0.0/33",
    "::/129",
    "10.0.0.0/8/8",
    "10.0.0.0/",
    "10.0.0.1:80",
    "[::1]",
    "127.1",
  ])("refuses %j, so a typo stops the server instead of trusting the wrong peers", (spec) =>
    expect(() => trustedProxies(spec)).toThrow(/CONSOLE_TRUSTED_PROXIES/),
  );
});
