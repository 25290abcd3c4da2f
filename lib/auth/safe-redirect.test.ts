import { describe, expect, it } from "vitest";
import { safeNextPath, safeRedirectUrl } from "./safe-redirect";

// Each of these ends on another origin when taken as a redirect target as is.
const BYPASSES = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "\t//evil.example",
  "/\n/evil.example",
  "https:evil.example",
  "https://evil.example/path",
  "javascript:alert(1)",
  "data:text/html,x",
  "/..//evil.example",
  "/.%2e//evil.example",
  "/../..//evil.example/x?y=1",
];

describe("safeNextPath", () => {
  it.each(BYPASSES)("keeps %j on the console", (next) => {
    const path = safeNextPath(next);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    // Whatever is left, a browser resolves it against the console's own origin.
    expect(new URL(path, "https://console.example").origin).toBe("https://console.example");
  });

  it("keeps a same-origin path with its query and fragment", () => {
    expect(safeNextPath("/audit?outcome=denied#top")).toBe("/audit?outcome=denied#top");
    expect(safeNextPath("/trugrid/users")).toBe("/trugrid/users");
  });

  it("falls back to the overview for what is not a path", () => {
    for (const v of [undefined, null, 42, "", "x".repeat(3000)]) expect(safeNextPath(v)).toBe("/");
  });
});

describe("safeRedirectUrl", () => {
  const base = "https://console.example";
  it.each(BYPASSES)("keeps %j on the console", (url) => {
    expect(new URL(safeRedirectUrl(url, base)).origin).toBe(base);
  });
  it("keeps an absolute URL on the console's origin", () => {
    expect(safeRedirectUrl("https://console.example/people?q=a", base)).toBe("https://console.example/people?q=a");
    expect(safeRedirectUrl("http://console.example/people", base)).toBe("https://console.example");
  });
});
