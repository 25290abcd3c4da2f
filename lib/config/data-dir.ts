import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The app reads these files only as a fallback (npm start passes the secrets
// in the environment); the turbopackIgnore marks keep Next from tracing the
// whole project because of a runtime path.

/** Where the console keeps what must survive restarts: the embedded database and generated secrets. */
export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.CONSOLE_DATA_DIR ?? ".data");
  mkdirSync(dir, { recursive: true });
  // Traversable (not listable) by the `postgres` OS user that embedded
  // Postgres runs as when the console runs as root; secrets inside are 0600.
  chmodSync(dir, 0o711);
  return dir;
}

/**
 * Reads a secret kept in the data folder, creating it on first use. Secrets
 * set in the environment always win; these files only spare a newcomer from
 * inventing keys.
 */
export function loadOrCreateSecret(name: string, bytes = 32, dir = dataDir()): string {
  const file = path.join(/*turbopackIgnore: true*/ dir, name);
  if (existsSync(/*turbopackIgnore: true*/ file)) return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  const value = randomBytes(bytes).toString("base64");
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: "wx" });
  return value;
}
