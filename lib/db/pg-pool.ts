import pg from "pg";

/** A node-postgres pool for bulk SQL (sync upserts) that Prisma's query builder does not express well. */
export function createPgPool(databaseUrl: string, max = 6): pg.Pool {
  // UTC sessions: Prisma stores DateTime as UTC in timestamp
  // columns, and casts from timestamptz follow the session zone.
  const pool = new pg.Pool({ connectionString: databaseUrl, max, options: "-c timezone=UTC" });
  // An idle connection that breaks (Postgres stopping or restarting) is
  // dropped by the pool and replaced on next use; without a listener the
  // pool's 'error' event would be an uncaught exception in the server.
  pool.on("error", () => {});
  return pool;
}
