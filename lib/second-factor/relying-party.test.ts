import { describe, expect, it } from "vitest";
import { relyingParty } from "./relying-party";

const h = (init: Record<string, string>) => new Headers(init);

describe("relyingParty", () => {
  it("takes AUTH_URL when set, whatever the request says", () => {
    expect(relyingParty(h({ host: "evil.example" }), { AUTH_URL: "https://console.example.com:8443/x" })).toMatchObject(
      { rpID: "console.example.com", origin: "https://console.example.com:8443" },
    );
  });

  it("else the request's host and scheme, as the browser saw them", () => {
    expect(relyingParty(h({ host: "127.0.0.1:3223", "x-forwarded-proto": "http" }), {})).toMatchObject({
      rpID: "127.0.0.1",
      origin: "http://127.0.0.1:3223",
    });
    expect(
      relyingParty(
        h({ host: "10.0.0.5:3000", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" }),
        {},
      ),
    ).toMatchObject({ rpID: "console.example.com", origin: "https://console.example.com" });
  });

  it("assumes https without a forwarded scheme, and drops default ports", () => {
    expect(relyingParty(h({ host: "console.example.com:443" }), {})).toMatchObject({
      rpID: "console.example.com",
      origin: "https://console.example.com",
    });
  });

  it("refuses a request without a host", () => {
    expect(() => relyingParty(h({}), {})).toThrow(/AUTH_URL/);
  });
});
