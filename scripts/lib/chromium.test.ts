import { describe, expect, it } from "vitest";
import { chromiumCandidates, DEBIAN_CHROMIUM, findChromium, installCommand } from "./chromium";

describe("the Chromium npm test launches", () => {
  it("is CHROMIUM_PATH first, then Debian's package, then Playwright's own build", () => {
    const [first, second, third] = chromiumCandidates({ CHROMIUM_PATH: "/opt/chrome/chrome" });
    expect([first, second]).toEqual(["/opt/chrome/chrome", DEBIAN_CHROMIUM]);
    expect(third).toMatch(/chrom/i);
  });

  it("is the first that exists, and none when none does", () => {
    const only = (path: string) => (p: string) => p === path;
    expect(findChromium({ CHROMIUM_PATH: "/nope" }, only(DEBIAN_CHROMIUM))).toBe(DEBIAN_CHROMIUM);
    expect(findChromium({ CHROMIUM_PATH: "/opt/c" }, only("/opt/c"))).toBe("/opt/c");
    expect(findChromium({}, () => false)).toBeNull();
  });

  it("is installed from Debian as root with apt, else by Playwright", () => {
    expect(installCommand(true, true).args.join(" ")).toContain("apt-get install -y -qq chromium");
    expect(installCommand(false, true)).toEqual({ cmd: "npx", args: ["playwright", "install", "chromium"] });
    expect(installCommand(true, false).cmd).toBe("npx");
  });
});
