import { type ChildProcess, spawn } from "node:child_process";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { E2E_DATA_DIR } from "../playwright.config";

export interface WebProcess {
  base: string;
  stop: () => Promise<void>;
}

/**
 * A second web process of the console (scripts/web-server.ts on the build the
 * e2e server made), on its own port with its own environment, sharing the
 * e2e database and data folder (so the same session key): for behaviour that
 * depends on how the server is set up (bind address, trusted proxies).
 * Stopped by its pid.
 */
export async function startWebProcess(opts: { host: string; env: Record<string, string> }): Promise<WebProcess> {
  const port = await freePort();
  const { url } = await startEmbeddedPostgres({ dataDir: E2E_DATA_DIR });
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/web-server.ts", "-p", String(port), "-H", opts.host],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_TRUST_HOST: "true",
        CONSOLE_DATA_DIR: E2E_DATA_DIR,
        DATABASE_URL: url,
        ...opts.env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the web process exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the web process did not answer within 60 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
