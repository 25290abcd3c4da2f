import { dataDir } from "../../lib/config/data-dir";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

/**
 * Runs `work` against DATABASE_URL when set; otherwise against the embedded
 * database in the data folder, joining a running console's Postgres or
 * starting (and afterwards stopping) one of its own.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const db = await startEmbeddedPostgres({
    dataDir: dataDir(),
    port: process.env.CONSOLE_PG_PORT ? Number(process.env.CONSOLE_PG_PORT) : undefined,
  });
  try {
    return await work(db.url);
  } finally {
    await db.stop();
  }
}
