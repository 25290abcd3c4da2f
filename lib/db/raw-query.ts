import pg from "pg";
import type { Prisma } from "../generated/prisma/client";

/** A node-postgres pool or client: anything that runs a query. */
export type Queryable = Pick<pg.Pool, "query">;

// Prisma stores DateTime as UTC in `timestamp` (without time zone) columns; node-postgres would read
// those as local time. Per query rather than globally, so no other pg user in the process is affected.
const TIMESTAMP = 1114;
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary"
      ? (v: string) => new Date(`${v.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * Rows of a Prisma.sql statement run on node-postgres. For a page's hot
 * reads: Prisma's raw queries cost a few milliseconds of CPU each in its
 * query engine, against well under one here, for the same rows.
 */
export async function rawRows<T>(db: Queryable, sql: Prisma.Sql): Promise<T[]> {
  const res = await db.query({ text: sql.text, values: sql.values as unknown[], types: TYPES });
  return res.rows as T[];
}
