import { randomBytes } from "node:crypto";
import type pg from "pg";
import { createPgPool } from "../lib/db/pg-pool";
import type { SyncRun } from "../lib/generated/prisma/client";
import type { VendorSync } from "../lib/sync/context";
import { runSync } from "../lib/sync/run-sync";
import type { VendorId } from "../lib/vendors/connection-fields";
import { type ConnectionSecrets, type ConnectionSettings, connectionRecord } from "../lib/vendors/connection-record";
import { createTestDatabase, type TestDatabase } from "./db";

process.env.CONSOLE_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

export interface SyncHarness {
  t: TestDatabase;
  pool: pg.Pool;
  tenantId: string;
  /** Queues and runs one sync of the vendor for the tenant; resolves to the finished SyncRun row. */
  /** Runs one whole sync of the vendor for the tenant (a failing run does not throw: read its status and error). */
  run: (opts?: { concurrency?: number }) => Promise<SyncRun>;
  close: () => Promise<void>;
}

/**
 * A fresh database with one tenant connected to a vendor (usually a
 * simulator), ready to sync; or a further tenant in a database another
 * harness made (`into`: the app's one `db()` then reaches both tenants), left
 * for that harness to drop.
 */
export async function syncHarness(
  vendor: VendorId,
  sync: VendorSync,
  connection: { baseUrl: string; secrets: ConnectionSecrets; settings?: ConnectionSettings },
  into?: TestDatabase,
): Promise<SyncHarness> {
  const t = into ?? (await createTestDatabase());
  const pool = createPgPool(t.url, 4);
  const tenant = await t.db.tenant.create({ data: { name: `Sync ${vendor}` } });
  await t.db.vendorConnection.create({
    data: {
      tenantId: tenant.id,
      vendor,
      ...connectionRecord(tenant.id, vendor, connection.baseUrl, connection.secrets, connection.settings ?? {}),
    },
  });
  const syncs = { [vendor]: sync } as Record<VendorId, VendorSync>;
  return {
    t,
    pool,
    tenantId: tenant.id,
    run: async (opts = {}) => {
      const run = await t.db.syncRun.create({ data: { tenantId: tenant.id, vendor, trigger: "test" } });
      await runSync({ db: t.db, pool, runId: run.id, syncs, concurrency: opts.concurrency }).catch(() => {});
      return t.db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    },
    close: async () => {
      await pool.end();
      if (!into) await t.drop();
    },
  };
}
