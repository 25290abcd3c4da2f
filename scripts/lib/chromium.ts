// The Chromium the end-to-end tests drive. npm test finds one, installs one the way the machine allows when none
// is found, or stops at once with the command to run: never a wall of end-to-end tests failing to launch a browser.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** What the e2e run is told to launch, in the order tried: CHROMIUM_PATH, Debian's package, Playwright's own build. */
export function chromiumCandidates(env: Record<string, string | undefined> = process.env): string[] {
  const own = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return "";
    }
  })();
  return [env.CHROMIUM_PATH ?? "", DEBIAN_CHROMIUM, own].filter(Boolean);
}

export function findChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  return chromiumCandidates(env).find((p) => exists(p)) ?? null;
}

/** How this machine can get a Chromium: Debian's package as root with apt, else Playwright's own download. */
export function installCommand(isRoot: boolean, hasApt: boolean): { cmd: string; args: string[] } {
  if (isRoot && hasApt) {
    return {
      cmd: "sh",
      args: ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"],
    };
  }
  return { cmd: "npx", args: ["playwright", "install", "chromium"] };
}

/** A Chromium to launch, installed first when none is found; null (with the one command to run printed) when none. */
export function ensureChromium(): string | null {
  const found = findChromium();
  if (found) return found;
  const { cmd, args } = installCommand(process.getuid?.() === 0, existsSync("/usr/bin/apt-get"));
  const shown = cmd === "sh" ? (args[1] ?? "") : `${cmd} ${args.join(" ")}`;
  console.log(`\nNo Chromium for the end-to-end tests: installing one (${shown})`);
  // PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD would make Playwright's own install a no-op.
  const { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: _skip, ...env } = process.env;
  spawnSync(cmd, args, { stdio: "inherit", env });
  const installed = findChromium();
  if (installed) return installed;
  console.error(
    `\nNo Chromium, so the end-to-end tests cannot run. Run this, then npm test again:\n  ${shown}\n` +
      "(or set CHROMIUM_PATH to a Chromium or Chrome this machine has)",
  );
  return null;
}
