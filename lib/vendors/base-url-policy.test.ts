import { describe, expect, it } from "vitest";
import { baseUrlRefusal } from "./base-url-policy";

const prod = { CONSOLE_DEMO: "0", NODE_ENV: "production" };
const demo = { CONSOLE_DEMO: "1", NODE_ENV: "production" };

describe("baseUrlRefusal", () => {
  it("takes https anywhere and refuses http off loopback", () => {
    expect(baseUrlRefusal("https://acme.twingate.com", prod)).toBeNull();
    expect(baseUrlRefusal("http://acme.twingate.com", prod)).toMatch(/https/);
    expect(baseUrlRefusal("http://10.0.0.5:8080", demo)).toMatch(/must not be a private/);
  });

  it("takes loopback only in demo or test mode", () => {
    for (const u of ["http://127.0.0.1:4101", "http://localhost:4101", "http://[::1]:4101", "https://127.0.0.1:4101"]) {
      expect(baseUrlRefusal(u, demo)).toBeNull();
      expect(baseUrlRefusal(u, { CONSOLE_DEMO: "0", NODE_ENV: "test" })).toBeNull();
      expect(baseUrlRefusal(u, prod)).toMatch(/not this machine/);
    }
  });

  it("never takes a private, link-local or reserved address literal unless listed", () => {
    for (const u of [
      "https://10.0.0.5",
      "https://169.254.169.254/latest",
      "https://192.168.1.1",
      "https://[fd00::1]",
      "https://[fe80::1]",
      "https://0.0.0.0",
      "https://[::ffff:10.0.0.1]",
    ]) {
      expect(baseUrlRefusal(u, demo), u).toMatch(/must not be a/);
    }
    expect(baseUrlRefusal("https://93.184.216.34", prod)).toBeNull();
    expect(
      baseUrlRefusal("https://10.0.0.5", { ...prod, CONSOLE_VENDOR_URL_ALLOWLIST: "https://10.0.0.5" }),
    ).toBeNull();
  });

  it("refuses credentials, queries and other schemes in the URL", () => {
    expect(baseUrlRefusal("https://user:pw@api.example.com", prod)).toMatch(/user name/);
    expect(baseUrlRefusal("https://api.example.com/?x=1", prod)).toMatch(/query/);
    expect(baseUrlRefusal("ftp://api.example.com", prod)).toMatch(/https/);
    expect(baseUrlRefusal("not a url", prod)).toMatch(/not a URL/);
  });

  it("with an allow-list, takes only the listed origins", () => {
    const env = {
      ...prod,
      CONSOLE_VENDOR_URL_ALLOWLIST: "https://*.twingate.com, https://console.jumpcloud.com, http://10.0.0.5:8080",
    };
    expect(baseUrlRefusal("https://acme.twingate.com", env)).toBeNull();
    expect(baseUrlRefusal("https://a.b.twingate.com", env)).toBeNull();
    expect(baseUrlRefusal("https://twingate.com.evil.example", env)).toMatch(/list/);
    expect(baseUrlRefusal("https://eviltwingate.com", env)).toMatch(/list/);
    expect(baseUrlRefusal("https://console.jumpcloud.com/api", env)).toBeNull();
    expect(baseUrlRefusal("https://console.jumpcloud.com:8443", env)).toMatch(/list/);
    expect(baseUrlRefusal("http://10.0.0.5:8080", env)).toBeNull();
    expect(baseUrlRefusal("https://127.0.0.1:4101", env)).toMatch(/list/);
  });
});
