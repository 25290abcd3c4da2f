// npm test: lint and format check (Biome), type check, unit and integration tests (vitest), then end-to-end
// tests (Playwright in Debian's Chromium against the production build).
// Every stage runs even when an earlier one fails; the last line sums them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./lib/chromium";

const OUT = path.resolve(".test-results");
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// Before anything else: with no browser the run would end in a wall of failed end-to-end tests, an hour later.
const chromiumPath = ensureChromium();
if (!chromiumPath) process.exit(1);

const env = {
  ...process.env,
  CHROMIUM_PATH: chromiumPath,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
const run = (cmd: string, args: string[], extraEnv: Record<string, string> = {}) => {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
};

let passed = 0;
let failed = 0;

// Biome over the files biome.json includes: formatting and lint, read-only (`npm run format` fixes).
const lint = run("npx", ["biome", "ci"]);
lint === 0 ? passed++ : failed++;
// Biome passes a line it cannot shorten (a long string or comment): the width check fails it.
const width = run("npx", ["tsx", "scripts/check-line-width.ts"]);
width === 0 ? passed++ : failed++;

const tsc = run("npx", ["tsc", "--noEmit", "-p", "."]);
tsc === 0 ? passed++ : failed++;

const vitestJson = path.join(OUT, "vitest.json");
const vitest = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8")) as { numPassedTests: number; numFailedTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests + (vitest !== 0 && r.numFailedTests === 0 ? 1 : 0);
} else failed++;

const pwJson = path.join(OUT, "playwright.json");
const pw = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
if (existsSync(pwJson)) {
  const r = JSON.parse(readFileSync(pwJson, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += r.stats.expected + r.stats.flaky;
  if (r.stats.flaky) console.log(`\nend-to-end tests that passed only on their retry (flaky): ${r.stats.flaky}`);
  failed += r.stats.unexpected + (pw !== 0 && r.stats.unexpected === 0 ? 1 : 0);
} else failed++;

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
