// npm run bench:sync — syncs each vendor from the `large` simulators (50,000
// users, 100,000 devices) with a fixed response time, into a fresh embedded
// Postgres, twice. Prints per vendor: wall time, the vendor-imposed lower
// bound, their ratio, rows per second written to Postgres, peak RSS, and what
// the second (unchanged) sync wrote. Beside the wall figures, the CPU time the
// sync process, the simulators and Postgres used in each run and the load
// average: on a machine shared with other work wall time says little, CPU
// time much more. Then what this machine's cores allow at that CPU cost: the
// wall time the run's CPU needs even if it were spread perfectly over every
// core (and its ratio to the bound), and the rows per second Postgres could
// write at its CPU per row written if it had every core to itself. Last
// line: JSON.
//
// The lower bound is the largest of: pages × latency ÷ allowed concurrency;
// the longest run of pages that could only be read one after another (a
// cursor walk, as the sync reports it) × latency; and, for Twingate, the
// time its rolling per-minute read limit makes the last page wait.
//
// BENCH_LATENCY_MS (default 20), BENCH_CONCURRENCY (8), BENCH_VENDORS
// (trugrid,truu,twingate,jumpcloud), BENCH_TWINGATE_READS_PER_MINUTE: the
// documented 60/min makes Twingate's large sync take about half an hour by
// itself, so by default both the simulator and the pacer allow 6000/min and
// the lower bound uses the same figure; set 60 for the real budget.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { createPgPool } from "../lib/db/pg-pool";
import type { VendorSync } from "../lib/sync/context";
import { runSync } from "../lib/sync/run-sync";
import { twingateSyncWith } from "../lib/sync/twingate/sync";
import { VENDOR_SYNCS } from "../lib/sync/vendors";
import type { VendorId } from "../lib/vendors/connection-fields";
import { connectionRecord } from "../lib/vendors/connection-record";
import { TWINGATE_LIMITS } from "../lib/vendors/twingate/pacer";
import { JUMPCLOUD_SIM_CREDENTIALS, JUMPCLOUD_SIM_ORG_IDS } from "../sim/jumpcloud/credentials";
import { TRUGRID_SIM_API_KEY } from "../sim/trugrid";
import { TRUU_SIM_CREDENTIALS } from "../sim/truu";
import { TWINGATE_SIM_CREDENTIALS } from "../sim/twingate";
import { cpuMs, postgresCpuMs, selfCpuMs } from "./proc-cpu";

process.env.CONSOLE_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TWINGATE_RPM = Number(process.env.BENCH_TWINGATE_READS_PER_MINUTE ?? 6000);
const VENDORS = (process.env.BENCH_VENDORS ?? "trugrid,truu,twingate,jumpcloud").split(",") as VendorId[];

const dir = mkdtempSync(path.join(tmpdir(), "bench-sync-"));
const ports = {
  trugrid: await freePort(),
  truu: await freePort(),
  twingate: await freePort(),
  jumpcloud: await freePort(),
};
const upper = (v: string) => v.toUpperCase();

// The simulators run in their own process (one process: tsx as a loader), so
// that the figures below are the sync's alone, and so that the simulators' own
// CPU time can be read: on a small machine they can be what limits the pace.
// BENCH_SIM_CPU_PROF_DIR: the simulators write a CPU profile there when they stop (node --cpu-prof).
const simProfile = process.env.BENCH_SIM_CPU_PROF_DIR
  ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_SIM_CPU_PROF_DIR]
  : [];
const sims = spawn(process.execPath, [...simProfile, "--import", "tsx", "scripts/sim.ts"], {
  env: {
    // As a vendor runs its servers: graphql-js (the Twingate
    // simulator's executor) skips its development-only checks then.
    ...process.env,
    NODE_ENV: "production",
    SIM_SIZE: "large",
    SIM_TWINGATE_READS_PER_MINUTE: String(TWINGATE_RPM),
    ...Object.fromEntries(
      Object.entries(ports).flatMap(([v, p]) => [
        [`SIM_${upper(v)}_PORT`, String(p)],
        [`SIM_${upper(v)}_LATENCY_MS`, String(LATENCY)],
      ]),
    ),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const simsStarted = performance.now();
await new Promise<void>((resolve, reject) => {
  sims.stdout!.on("data", (d: Buffer) => {
    if (d.toString().includes("ready in")) resolve();
  });
  sims.once("exit", (code) => reject(new Error(`simulators exited (${code})`)));
});
console.log(
  `large simulators ready in ${((performance.now() - simsStarted) / 1000).toFixed(1)} ` +
    `s; latency ${LATENCY} ms, concurrency ${CONCURRENCY}`,
);

const pg = await startEmbeddedPostgres({ dataDir: dir });
const db = createPrismaClient(pg.url, 4);
const pool = createPgPool(pg.url, CONCURRENCY + 2);
// Stopping Postgres at the end ends idle connections from its side; that is not a failure of the bench.
pool.on("error", () => {});
const base = (v: keyof typeof ports) => `http://127.0.0.1:${ports[v]}`;
const twingateLimits = { read: { limit: TWINGATE_RPM, windowMs: 60_000 }, write: { ...TWINGATE_LIMITS.write } };
const syncs: Record<VendorId, VendorSync> = { ...VENDOR_SYNCS, twingate: twingateSyncWith(twingateLimits) };

const load = () => loadavg().map((l) => Number(l.toFixed(2)));

/**
 * How long a rolling window of TWINGATE_RPM reads per minute (simulator and
 * pacer alike) holds back the last of `pages` reads: read k may go out only a
 * minute after read k − RPM. Fewer reads than the limit are never held back.
 */
function rateLimitWaitMs(vendor: VendorId, pages: number): number {
  if (vendor !== "twingate" || pages <= TWINGATE_RPM) return 0;
  return Math.floor((pages - 1) / TWINGATE_RPM) * 60_000 + LATENCY;
}

/**
 * Peak RSS since the last reset: the kernel keeps the high-water mark
 * (VmHWM), and writing 5 to clear_refs starts it again from the current RSS,
 * so no sampler has to run (and cost CPU) during the sync, and no short peak
 * between samples is missed. Where that is not allowed, RSS is sampled five
 * times a second.
 */
const peak = (() => {
  const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    if (Number.isFinite(hwm()))
      return { reset: () => writeFileSync("/proc/self/clear_refs", "5"), read: hwm, stop: () => {} };
  } catch {
    // not Linux, or not allowed
  }
  let max = 0;
  const sampler = setInterval(() => {
    max = Math.max(max, process.memoryUsage.rss());
  }, 200);
  return {
    reset: () => {
      max = process.memoryUsage.rss();
    },
    read: () => Math.max(max, process.memoryUsage.rss()),
    stop: () => clearInterval(sampler),
  };
})();

// Ctrl+C stops the simulators and Postgres too (and lets --cpu-prof write its profile on the way out).
process.once("SIGINT", () => {
  sims.kill("SIGTERM");
  void pg.stop().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
});

try {
  await applyMigrations(pg.url);
  const tenant = await db.tenant.create({ data: { name: "Globex (bench)" } });
  const connections: Record<VendorId, Parameters<typeof connectionRecord>> = {
    trugrid: [tenant.id, "trugrid", base("trugrid"), { apiKey: TRUGRID_SIM_API_KEY }, { domainName: "globex.example" }],
    truu: [tenant.id, "truu", base("truu"), { ...TRUU_SIM_CREDENTIALS }, {}],
    twingate: [
      tenant.id,
      "twingate",
      base("twingate"),
      { apiKey: TWINGATE_SIM_CREDENTIALS.apiKey },
      { network: "globex" },
    ],
    jumpcloud: [
      tenant.id,
      "jumpcloud",
      base("jumpcloud"),
      { apiKey: JUMPCLOUD_SIM_CREDENTIALS.mspApiKey },
      { orgId: JUMPCLOUD_SIM_ORG_IDS[0] },
    ],
  };
  for (const v of VENDORS)
    await db.vendorConnection.create({
      data: { tenantId: tenant.id, vendor: v, ...connectionRecord(...connections[v]) },
    });

  const results: Record<string, unknown>[] = [];
  for (const vendor of VENDORS) {
    const once = async () => {
      const run = await db.syncRun.create({ data: { tenantId: tenant.id, vendor, trigger: "bench" } });
      peak.reset();
      const simCpuBefore = cpuMs(sims.pid!);
      const pgCpuBefore = postgresCpuMs(path.join(dir, "pg"));
      const syncCpuBefore = selfCpuMs();
      const started = performance.now();
      await runSync({ db, pool, runId: run.id, syncs, concurrency: CONCURRENCY });
      const wallMs = performance.now() - started;
      const syncCpuMs = Math.round(selfCpuMs() - syncCpuBefore);
      const simCpuMs = cpuMs(sims.pid!) - simCpuBefore;
      const pgCpuMs = postgresCpuMs(path.join(dir, "pg")) - pgCpuBefore;
      const simCpuShare = Number((simCpuMs / wallMs).toFixed(2));
      const row = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      const detail = row.detail as Record<string, { writeMs?: number; pages?: number; longestSequence?: number }>;
      const writeMs = Object.values(detail).reduce((s, d) => s + (d.writeMs ?? 0), 0);
      return {
        row,
        wallMs,
        writeMs,
        simCpuShare,
        cpuMs: { sync: syncCpuMs, simulators: simCpuMs, postgres: pgCpuMs },
        loadAverage: load(),
        pages: detail._run?.pages ?? 0,
        longestSequence: detail._run?.longestSequence ?? 0,
        peakRssMb: Math.round(peak.read() / 2 ** 20),
      };
    };
    const first = await once();
    const second = await once();
    const lowerBoundMs = Math.max(
      (first.pages * LATENCY) / CONCURRENCY,
      first.longestSequence * LATENCY,
      rateLimitWaitMs(vendor, first.pages),
    );
    const written = first.row.created + first.row.updated;
    const cores = cpus().length;
    const cpuTotalMs = first.cpuMs.sync + first.cpuMs.simulators + first.cpuMs.postgres;
    const pgUsPerRow = written ? (first.cpuMs.postgres * 1000) / written : 0;
    const r = {
      vendor,
      rows: first.row.fetched,
      pages: first.pages,
      longestSequence: first.longestSequence,
      wallMs: Math.round(first.wallMs),
      lowerBoundMs: Math.round(lowerBoundMs),
      ratio: Number((first.wallMs / lowerBoundMs).toFixed(3)),
      rowsWritten: written,
      rowsPerSecondWritten: Math.round(written / (first.writeMs / 1000)),
      peakRssMb: Math.max(first.peakRssMb, second.peakRssMb),
      /** Share of one core the simulators used: near 1, they (not the sync) set the pace. */
      simulatorCpuShare: first.simCpuShare,
      /**
       * CPU milliseconds used during the first sync by the sync process, the
       * simulators and Postgres: less sensitive than wall time to a busy machine.
       */
      cpuMs: first.cpuMs,
      /** The 1, 5 and 15 minute load averages when the first sync ended. */
      loadAverage: first.loadAverage,
      /**
       * What the cores allow: the run's CPU spread over all of them, that floor's
       * ratio to the bound, and Postgres's rows/s ceiling at its CPU per row written.
       */
      machine: {
        cores,
        cpuFloorMs: Math.round(cpuTotalMs / cores),
        ratioFloor: Number((cpuTotalMs / cores / lowerBoundMs).toFixed(3)),
        postgresCpuUsPerRowWritten: Math.round(pgUsPerRow),
        rowsPerSecondCeiling: pgUsPerRow ? Math.round((cores * 1e6) / pgUsPerRow) : null,
      },
      secondRun: {
        wallMs: Math.round(second.wallMs),
        cpuMs: second.cpuMs,
        rowsWritten: second.row.created + second.row.updated + second.row.deleted,
        driftEvents: second.row.driftEvents,
      },
      status: first.row.status,
    };
    results.push(r);
    console.log(
      `${vendor.padEnd(10)} ${String(r.rows).padStart(7)} rows ${String(r.pages).padStart(6)} pages ` +
        ` ${(r.wallMs / 1000).toFixed(1).padStart(6)} s (bound ${(r.lowerBoundMs / 1000).toFixed(1)} s, ` +
        `×${r.ratio})  ${r.rowsPerSecondWritten} rows/s written  peak ${r.peakRssMb} MB  ` +
        `simulators ${Math.round(r.simulatorCpuShare * 100)}% of a core  CPU s: ` +
        `sync ${(r.cpuMs.sync / 1000).toFixed(1)}, simulators ${(r.cpuMs.simulators / 1000).toFixed(1)}, ` +
        `postgres ${(r.cpuMs.postgres / 1000).toFixed(1)}  load ${r.loadAverage.join(" ")}  second ` +
        `run: ${(r.secondRun.wallMs / 1000).toFixed(1)} s, CPU s ` +
        `sync ${(r.secondRun.cpuMs.sync / 1000).toFixed(1)} / ` +
        `simulators ${(r.secondRun.cpuMs.simulators / 1000).toFixed(1)} / ` +
        `postgres ${(r.secondRun.cpuMs.postgres / 1000).toFixed(1)}, ${r.secondRun.rowsWritten} ` +
        `rows, ${r.secondRun.driftEvents} events`,
    );
    const { machine: m } = r;
    console.log(
      `${"".padEnd(10)} on ${m.cores} cores: the run's CPU needs ${(m.cpuFloorMs / 1000).toFixed(1)} s even ` +
        `spread over all of them (×${m.ratioFloor} of the bound); Postgres at ${m.postgresCpuUsPerRowWritten} ` +
        `µs of CPU per row written could write at most ${m.rowsPerSecondCeiling ?? "–"} rows/s with every core`,
    );
  }
  console.log(
    JSON.stringify({
      bench: "sync",
      latencyMs: LATENCY,
      concurrency: CONCURRENCY,
      twingateReadsPerMinute: TWINGATE_RPM,
      vendors: results,
    }),
  );
} finally {
  peak.stop();
  sims.kill("SIGTERM");
  await pool.end().catch(() => {});
  await db.$disconnect().catch(() => {});
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
