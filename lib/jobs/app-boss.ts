import "server-only";
import type { PgBoss } from "pg-boss";
import { startBoss } from "./boss";

// The web app only sends jobs; one started pg-boss per server process.
const g = globalThis as unknown as { consoleBoss?: Promise<PgBoss> };

export function appBoss(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  g.consoleBoss ??= startBoss(url, "sender").catch((err) => {
    g.consoleBoss = undefined;
    throw err;
  });
  return g.consoleBoss;
}
