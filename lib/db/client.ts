import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

// The node-postgres pool under each client made here, for statements with
// large parameters (bulk writes): Prisma's debug module keeps the arguments
// of its last 100 calls alive, parameters included, so megabyte-sized
// arrays sent through it stay in memory long after their statement.
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client over node-postgres. Scripts and tests call this; the app uses lib/db.ts. */
export function createPrismaClient(databaseUrl: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/**
 * The pool the client runs on (same connections, same limit), or null for a
 * client made elsewhere. Raw statements sent here skip Prisma's per-query
 * overhead and its retention of parameters.
 */
export function pgPoolOf(db: PrismaClient): pg.Pool | null {
  return pools.get(db) ?? null;
}
