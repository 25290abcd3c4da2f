// tsx bench/sync-write.ts — the sync's cache writer alone, without HTTP: the
// `large` TruU simulator's devices, users and assets are rendered in-process
// and written through TargetWriter into a fresh Postgres, twice (the second
// run unchanged). Prints the CPU time of this process and of Postgres per
// resource: the write path's cost per row, apart from reading and pacing.
// On a shared machine compare runs made close together: CPU time per row
// rises with the load too, if less than wall time.
// BENCH_WRITE_SQL: SQL run after the migrations (drop an index, change a
// storage parameter) to compare a change of the schema.
// BENCH_WRITE_DATA_DIR: reuse a Postgres data folder (kept when set).
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import pLimit from "p-limit";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { createPgPool } from "../lib/db/pg-pool";
import type { SyncTarget } from "../lib/sync/target";
import { assetTarget, deviceTarget, userTarget } from "../lib/sync/truu/targets";
import { TargetWriter } from "../lib/sync/writer";
import { assetJson, systemDeviceJson, userJson } from "../sim/truu/render";
import { TruuState } from "../sim/truu/state";
import { postgresCpuMs, selfCpuMs } from "./proc-cpu";

const keep = process.env.BENCH_WRITE_DATA_DIR;
const dir = keep ?? mkdtempSync(path.join(tmpdir(), "bench-write-"));
const pgServer = await startEmbeddedPostgres({ dataDir: dir });
const pool = createPgPool(pgServer.url, 6);
pool.on("error", () => {});
const pgDir = path.join(dir, "pg");
try {
  await applyMigrations(pgServer.url);
  if (process.env.BENCH_WRITE_SQL) await pool.query(process.env.BENCH_WRITE_SQL);
  const tenantId = `bench-${Date.now()}`;
  await pool.query(`INSERT INTO "Tenant" ("id", "name", "updatedAt") VALUES ($1, $1, now())`, [tenantId]);
  const state = new TruuState("large");
  const devices = state.devices.map((d) => JSON.parse(JSON.stringify(systemDeviceJson(d))));
  const users = state.users.map((u) => JSON.parse(JSON.stringify(userJson(u))));
  const assets = state.assets.map((a) => JSON.parse(JSON.stringify(assetJson(a))));
  const assurance = new Map<string, number>(state.devices.map((d) => [d.deviceId, 300]));
  const resources: [string, SyncTarget<never>, unknown[]][] = [
    ["devices", deviceTarget(assurance) as SyncTarget<never>, devices],
    ["users", userTarget as SyncTarget<never>, users],
    ["assets", assetTarget as SyncTarget<never>, assets],
  ];
  for (const pass of [1, 2]) {
    const runId = `run-${pass}`;
    const slots = pLimit(2);
    for (const [name, target, items] of resources) {
      const pg0 = postgresCpuMs(pgDir);
      const me0 = selfCpuMs();
      const t0 = performance.now();
      const w = new TargetWriter(pool, tenantId, runId, target, async () => {}, { slots });
      for (let i = 0; i < items.length; i += 25) await w.write(items.slice(i, i + 25) as never[]);
      const s = await w.finish();
      const wall = performance.now() - t0;
      const pgMs = postgresCpuMs(pgDir) - pg0;
      const meMs = selfCpuMs() - me0;
      const n = s.created + s.updated;
      console.log(
        `pass ${pass} ${name.padEnd(8)} ${String(items.length).padStart(6)} rows, ${String(n).padStart(6)} ` +
          `written  wall ${(wall / 1000).toFixed(2)} s  writeMs ${(s.writeMs / 1000).toFixed(2)} s  CPU s: ` +
          `node ${(meMs / 1000).toFixed(2)} ` +
          `postgres ${(pgMs / 1000).toFixed(2)}` +
          `${n ? `  µs/row: node ${Math.round((meMs * 1000) / n)} pg ${Math.round((pgMs * 1000) / n)}` : ""}` +
          `  load ${loadavg()[0]?.toFixed(2)}`,
      );
    }
  }
} finally {
  await pool.end().catch(() => {});
  await pgServer.stop();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
