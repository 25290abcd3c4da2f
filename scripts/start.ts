// npm start: embedded Postgres (unless DATABASE_URL), migrations, first admin,
// in demo mode the vendor simulators and demo tenants wired to them, a
// production build when sources changed, then the web server
// (scripts/web-server.ts: Next's request handler behind a server that stamps
// each request's client address; one process per core sharing the port,
// CONSOLE_WEB_PROCESSES, see scripts/web-cluster.ts).
// SIGINT/SIGTERM stop Next and Postgres cleanly; the data folder is reused.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { seedDemoTenants } from "../lib/bootstrap/demo-tenants";
import { ensureFirstAdmin } from "../lib/bootstrap/first-admin";
import { dataDir, loadOrCreateSecret } from "../lib/config/data-dir";
import { createPrismaClient } from "../lib/db/client";
import { type RunningDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { rebindLegacyCredentials } from "../lib/vendors/rebind-credentials";
import { type SimFleet, simSizeFromEnv, startSimFleet } from "../sim/fleet";
import { buildIsCurrent, FINGERPRINT_FILE, sourceFingerprint } from "./lib/build-fingerprint";
import { webProcessCount } from "./lib/web-processes";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const demo = !["0", "false", "off", "no"].includes((process.env.CONSOLE_DEMO ?? "1").toLowerCase());
const log = (msg: string) => console.log(`[console] ${msg}`);
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

let database: RunningDatabase | null = null;
let fleet: SimFleet | null = null;
const workers = new Set<ChildProcess>();
let child: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  const children = [child, ...workers].filter((c): c is ChildProcess => !!c && c.exitCode === null);
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(
    children.map(
      (c) =>
        new Promise((r) => {
          c.once("exit", r);
          setTimeout(r, 20_000).unref();
        }),
    ),
  );
  await fleet?.stop().catch((e) => console.error(e));
  if (database) {
    log("stopping Postgres");
    await database.stop().catch((e) => console.error(e));
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  const dir = dataDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: process.env.AUTH_SECRET ?? loadOrCreateSecret("auth-secret"),
    CONSOLE_ENCRYPTION_KEY: process.env.CONSOLE_ENCRYPTION_KEY ?? loadOrCreateSecret("encryption.key"),
    CONSOLE_DATA_DIR: dir,
    // Shared by the web processes so that Next's requests to itself, which may
    // land on another process, keep their client-address stamp (lib/http/edge-stamp.ts).
    CONSOLE_EDGE_KEY: randomBytes(32).toString("base64url"),
  };

  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = process.env.DATABASE_URL;
    log("using DATABASE_URL");
  } else {
    database = await startEmbeddedPostgres({
      dataDir: dir,
      port: process.env.CONSOLE_PG_PORT ? Number(process.env.CONSOLE_PG_PORT) : undefined,
    });
    env.DATABASE_URL = database.url;
    log(`embedded Postgres running, data in ${dir}/pg`);
  }

  const applied = await applyMigrations(env.DATABASE_URL);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  const prisma = createPrismaClient(env.DATABASE_URL, 2);
  const admin = await ensureFirstAdmin(prisma, {
    email: process.env.CONSOLE_ADMIN_EMAIL,
    password: process.env.CONSOLE_ADMIN_PASSWORD,
  });
  process.env.CONSOLE_ENCRYPTION_KEY = env.CONSOLE_ENCRYPTION_KEY; // credentials are (re)sealed here
  const { rebound, unreadable } = await rebindLegacyCredentials(prisma);
  if (rebound) log(`bound ${rebound} stored vendor credential(s) to their base URL`);
  if (unreadable)
    log(
      `warning: ${unreadable} stored vendor credential(s) do not ` +
        `open with this encryption key; enter them again in Settings`,
    );
  if (demo) {
    fleet = await startSimFleet({ size: simSizeFromEnv("demo") });
    const { created } = await seedDemoTenants(prisma, fleet.tenants);
    log(
      `demo mode: vendor simulators (${fleet.size}) ` +
        `on ${fleet.tenants[0]?.connections.trugrid.baseUrl} and neighbouring ports`,
    );
    log(
      created.length
        ? `demo mode: created tenants ${created.join(", ")}`
        : "demo mode: demo tenants wired to the simulators",
    );
  }
  await prisma.$disconnect();

  if (!dev && !buildIsCurrent()) {
    log("building the production app (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("next build failed");
    writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
  }

  const workerCount = Number(process.env.CONSOLE_WORKERS ?? 1);
  for (let i = 0; i < workerCount; i++) startWorkerProcess(env);

  const serverArgs = ["scripts/web-server.ts", ...(dev ? ["--dev"] : []), "-p", String(port), "-H", host];
  // Development is one process; production may run several sharing the port (scripts/web-cluster.ts).
  const webProcesses = dev ? 1 : webProcessCount(process.env.CONSOLE_WEB_PROCESSES);
  child = spawn(
    process.execPath,
    ["--import", "tsx", ...(webProcesses > 1 ? ["scripts/web-cluster.ts", String(webProcesses)] : []), ...serverArgs],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
    },
  );
  if (webProcesses > 1) log(`web server: ${webProcesses} processes on port ${port}`);
  child.once("exit", (code) => {
    if (!stopping) {
      log(`web server exited (${code}); stopping`);
      void shutdown(code ?? 1);
    }
  });

  const url = `http://localhost:${port}`;
  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  console.log("");
  log(`Helpdesk console is ready at ${url}`);
  if (admin.kind === "created") {
    log(`first admin: ${admin.email}`);
    log(
      admin.generated
        ? `password:    ${admin.password}   (shown once; stored only as a hash)`
        : "password:    as set in CONSOLE_ADMIN_PASSWORD",
    );
  } else if (admin.kind === "reset-from-env") {
    log(`admin ${admin.email}: password set from CONSOLE_ADMIN_PASSWORD`);
  } else {
    log(`sign in with an existing staff account (${admin.admins} active admin${admin.admins === 1 ? "" : "s"})`);
  }
  log("press Ctrl+C to stop");
}

/**
 * A job worker in its own process, restarted if it dies (its jobs are retried
 * by pg-boss meanwhile). tsx runs as a loader inside that one process, so the
 * signals sent to it reach the worker itself, not a wrapper.
 */
function startWorkerProcess(env: NodeJS.ProcessEnv) {
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
  workers.add(worker);
  worker.once("exit", (code, signal) => {
    workers.delete(worker);
    if (stopping) return;
    log(`worker exited (${signal ?? code}); restarting in 2 s`);
    setTimeout(() => !stopping && startWorkerProcess(env), 2_000).unref();
  });
}

async function waitForHealth(url: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the console did not answer ${url} within 120 s`);
}

main().catch(async (err) => {
  console.error(`[console] start failed: ${err instanceof Error ? err.message : err}`);
  await shutdown(1);
});
