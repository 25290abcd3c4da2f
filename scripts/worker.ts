// npm run worker: a job worker (syncs now; bulk jobs and runbooks as they
// arrive). Any number may run against one database; pg-boss hands each job to
// one of them, and a job whose worker dies is retried by another.

import { loadOrCreateSecret } from "../lib/config/data-dir";
import { createPrismaClient } from "../lib/db/client";
import { createPgPool } from "../lib/db/pg-pool";
import { startBoss } from "../lib/jobs/boss";
import { startWorker } from "../lib/jobs/worker";
import { VENDOR_SYNCS } from "../lib/sync/vendors";
import { withDatabase } from "./lib/with-database";

process.env.CONSOLE_ENCRYPTION_KEY ??= loadOrCreateSecret("encryption.key");

await withDatabase(async (url) => {
  const db = createPrismaClient(url, 4);
  const pool = createPgPool(url, 8);
  const boss = await startBoss(url, "worker");
  await startWorker({
    db,
    pool,
    boss,
    syncs: VENDOR_SYNCS,
    concurrency: Number(process.env.CONSOLE_WORKER_CONCURRENCY ?? 2),
  });
  console.log(`[worker] ready (pid ${process.pid})`);
  await new Promise<void>((resolve) => {
    const stop = async () => {
      // Jobs in flight get a moment to finish; any still running are retried elsewhere.
      await boss.stop({ graceful: true, timeout: 15_000 }).catch(() => {});
      await pool.end().catch(() => {});
      await db.$disconnect().catch(() => {});
      resolve();
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
  });
});
process.exit(0);
