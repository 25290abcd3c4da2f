import { describe, expect, it } from "vitest";
import { servedOverHttps } from "./served-over-https";

describe("servedOverHttps", () => {
  it("follows AUTH_URL when it is set, whatever the request says", () => {
    expect(servedOverHttps("http", { AUTH_URL: "https://console.example" })).toBe(true);
    expect(servedOverHttps("https", { AUTH_URL: "http://console.example:3000" })).toBe(false);
    expect(servedOverHttps(null, { NEXTAUTH_URL: "https://console.example" })).toBe(true);
  });

  it("is the request's protocol otherwise, as the outermost proxy saw it", () => {
    expect(servedOverHttps("https", {})).toBe(true);
    expect(servedOverHttps("HTTPS", {})).toBe(true);
    expect(servedOverHttps("http", {})).toBe(false);
    expect(servedOverHttps("https, http", {})).toBe(true);
    expect(servedOverHttps("http, https", {})).toBe(false);
    expect(servedOverHttps(null, {})).toBe(false);
  });
});
