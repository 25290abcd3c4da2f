import { describe, expect, it } from "vitest";
import { publicOrigin } from "./public-origin";

describe("publicOrigin", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("is AUTH_URL's origin when it is set", () => {
    expect(
      publicOrigin(headers({ host: "0.0.0.0:3000", "x-forwarded-proto": "http" }), {
        AUTH_URL: "https://console.example/",
      }),
    ).toBe("https://console.example");
  });

  it("is the host the browser asked for, with the request's protocol, otherwise", () => {
    expect(publicOrigin(headers({ host: "console.lan:3000", "x-forwarded-proto": "http" }), {})).toBe(
      "http://console.lan:3000",
    );
    expect(
      publicOrigin(
        headers({ host: "10.0.0.5:3000", "x-forwarded-host": "console.example", "x-forwarded-proto": "https" }),
        {},
      ),
    ).toBe("https://console.example");
    expect(publicOrigin(headers({ host: "console.example:443", "x-forwarded-proto": "https" }), {})).toBe(
      "https://console.example",
    );
  });
});
