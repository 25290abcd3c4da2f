import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

// The node-postgres pool under each client made here, for statements with
// large parameters (bulk writes): Prisma's debug module keeps the arguments
// of its last 100 calls alive, parameters included, so megabyte-sized
// arrays sent through it stay in memory long after their statement. Kept on
// the client under a registered symbol, not in a module-level map: the
// production build may bundle this module more than once (one copy per
// chunk), and every copy must find the pool of a client another one made.
const POOL = Symbol.for("helpdesk-console.pg-pool");
type WithPool = PrismaClient & { [POOL]?: pg.Pool };

/** A Prisma client over node-postgres. Scripts and tests call this; the app uses lib/db.ts. */
export function createPrismaClient(databaseUrl: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle connection that breaks (Postgres restarted) is dropped by the
  // pool and replaced on next use; Prisma listens once it has connected, and
  // raw statements may come first: without a listener the event would throw.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(client, POOL, { value: pool, enumerable: false });
  return client;
}

/**
 * The pool the client runs on (same connections, same limit), or null for a
 * client made elsewhere. Raw statements sent here skip Prisma's per-query
 * overhead and its retention of parameters.
 */
export function pgPoolOf(db: PrismaClient): pg.Pool | null {
  return (db as WithPool)[POOL] ?? null;
}
