import "server-only";
import { createPrismaClient, type Db } from "./db/client";

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
