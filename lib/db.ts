import "server-only";
import { createPrismaClient, type Db } from "./db/client";
import { createPgPool } from "./db/pg-pool";

// Created on first use, not at import: `next build` imports every route
// module with no database around.
const globalForDb = globalThis as unknown as { consoleDb?: Db };

export function db(): Db {
  if (!globalForDb.consoleDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the console with `npm start`.");
    globalForDb.consoleDb = createPrismaClient(url);
  }
  return globalForDb.consoleDb;
}

const globalForPool = globalThis as unknown as { consolePgPool?: import("pg").Pool };

/**
 * The app's node-postgres pool, for streaming reads (exports) that Prisma would materialise and re-encode row by row.
 */
export function pgPool(): import("pg").Pool {
  if (!globalForPool.consolePgPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the console with `npm start`.");
    globalForPool.consolePgPool = createPgPool(url, 4);
  }
  return globalForPool.consolePgPool;
}
