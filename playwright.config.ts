import path from "node:path";
import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = path.resolve(".test-data/e2e");
export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e admin password 1" };

// The Chromium npm test found or installed (scripts/lib/chromium.ts), else Debian's;
// the flags keep it from calling home on a machine with no network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // One retry: on a loaded 2-core machine a click can land while React is
  // still re-rendering after a refresh. A test that needs it is reported as
  // "flaky" in the output, so it stays visible.
  retries: 1,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  webServer: {
    // The real start path: embedded Postgres in a fresh data folder, migrations, build if needed, next start.
    command: `rm -rf "${E2E_DATA_DIR}" && npx tsx scripts/start.ts`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    // The first run builds the app; on a busy two-core machine that alone can pass five minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      CONSOLE_DATA_DIR: E2E_DATA_DIR,
      CONSOLE_ADMIN_EMAIL: E2E_ADMIN.email,
      CONSOLE_ADMIN_PASSWORD: E2E_ADMIN.password,
      DATABASE_URL: "",
      // Demo mode with the simulators on free ports, so a console running on the defaults does not collide.
      CONSOLE_DEMO: "1",
      SIM_SIZE: "small",
      SIM_TRUGRID_PORT: "0",
      SIM_TRUU_PORT: "0",
      SIM_TWINGATE_PORT: "0",
      SIM_JUMPCLOUD_PORT: "0",
    },
  },
});
