import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, cspNonce, formActionOrigins } from "./content-security-policy";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the response's nonce, and what they load", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("upgrades insecure requests only when served over https", () => {
    expect(
      directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).has("upgrade-insecure-requests"),
    ).toBe(true);
    expect(
      directives(contentSecurityPolicy({ nonce: "n", dev: false, https: false })).has("upgrade-insecure-requests"),
    ).toBe(false);
  });

  it("lets forms go to the given origins besides the console", () => {
    const csp = directives(
      contentSecurityPolicy({ nonce: "n", dev: false, https: true, formActions: ["https://login.example"] }),
    );
    expect(csp.get("form-action")).toEqual(["'self'", "https://login.example"]);
  });
});

describe("formActionOrigins", () => {
  it("is AUTH_URL's origin and the identity provider's when single sign-on is on", () => {
    expect(formActionOrigins({})).toEqual([]);
    expect(formActionOrigins({ AUTH_URL: "https://console.example/base" })).toEqual(["https://console.example"]);
    const sso = {
      AUTH_OIDC_ISSUER: "https://login.example/tenant/v2.0",
      AUTH_OIDC_CLIENT_ID: "id",
      AUTH_OIDC_CLIENT_SECRET: "secret",
    };
    expect(formActionOrigins(sso)).toEqual(["https://login.example"]);
    // Single sign-on is off unless all three are set (lib/auth/oidc.ts).
    expect(formActionOrigins({ ...sso, AUTH_OIDC_CLIENT_SECRET: "" })).toEqual([]);
  });
});

describe("cspNonce", () => {
  it("is fresh every time and a valid nonce-source", () => {
    const nonces = new Set(Array.from({ length: 100 }, cspNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
