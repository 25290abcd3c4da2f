import "server-only";
import type pg from "pg";
import { createPgPool } from "../db/pg-pool";
import type { Prisma } from "../generated/prisma/client";
import { csvLine } from "./csv";

const BATCH = 1000;
const holder = globalThis as unknown as { consoleExportPool?: pg.Pool };

// Exports hold a connection for as long as the download runs: their own small
// pool, so a few slow downloads never starve the pages of connections.
function exportPool(): pg.Pool {
  if (!holder.consoleExportPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set.");
    holder.consoleExportPool = createPgPool(url, 4);
  }
  return holder.consoleExportPool;
}

/**
 * A CSV body streamed from a server-side cursor: rows are fetched BATCH at a
 * time only when the client has read the previous batch, so memory stays
 * constant whatever the row count, and any ORDER BY works. `query` selects
 * the columns in header order, already as text where formatting matters.
 */
export function streamCsv(
  header: readonly string[],
  query: Prisma.Sql,
  pool: pg.Pool = exportPool(),
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let client: pg.PoolClient | null = null;
  const release = async (commit: boolean) => {
    const c = client;
    client = null;
    if (!c) return;
    try {
      await c.query(commit ? "COMMIT" : "ROLLBACK");
    } catch {
      /* the connection is dropped below */
    }
    c.release();
  };
  // The cursor's next rows as CSV text; the last batch (short of BATCH) commits and gives the connection back.
  const fetchBatch = async (): Promise<{ text: string; last: boolean }> => {
    const res = await client!.query({ text: `FETCH ${BATCH} FROM csv_export`, rowMode: "array" });
    const last = res.rows.length < BATCH;
    if (last) await release(true);
    return { text: (res.rows as unknown[][]).map(csvLine).join(""), last };
  };
  let done = false;
  return new ReadableStream<Uint8Array>({
    // The header goes out with the first batch: a query that fails, fails
    // before the first chunk, which the route reads before it answers.
    async start(controller) {
      client = await pool.connect();
      try {
        await client.query("BEGIN READ ONLY");
        await client.query({
          text: `DECLARE csv_export NO SCROLL CURSOR FOR ${query.text}`,
          values: query.values as unknown[],
        });
        const first = await fetchBatch();
        // A byte-order mark, so spreadsheet programs read the UTF-8 names right.
        controller.enqueue(enc.encode(`\uFEFF${csvLine(header)}${first.text}`));
        done = first.last;
      } catch (err) {
        await release(false);
        throw err;
      }
    },
    async pull(controller) {
      if (done || !client) {
        controller.close();
        return;
      }
      try {
        const next = await fetchBatch();
        if (next.text) controller.enqueue(enc.encode(next.text));
        if (next.last) controller.close();
      } catch (err) {
        await release(false);
        controller.error(err);
      }
    },
    async cancel() {
      await release(false);
    },
  });
}
