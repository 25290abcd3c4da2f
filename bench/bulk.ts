// npm run bench:bulk — the bulk CSV path against the TruGrid simulator
// (`large`: 50,000 users) with a fixed added latency, into a fresh embedded
// Postgres. Prints: plan time for 10,000 and 100,000 rows; apply time for
// 10,000 "MFA on" rows against TruGrid's lower bound ceil(N/100) × latency ÷
// concurrency and their ratio; the same rows sent one per request in
// sequence, as a naive script does; peak RSS. Last line: JSON.
//
// The machine may be shared: beside wall time, the apply's CPU time in this
// process, in Postgres and in the simulator is printed per row, with where
// the apply's wall time went (sending, claiming, writing, held back) and the
// load average, so that runs compare on work done rather than on luck; and
// the time the apply's audit events take by themselves, appended again to the
// chain: a floor no overlap of sending and writing can go below here.
//
// BENCH_LATENCY_MS (default 20), BENCH_CONCURRENCY (4), BENCH_APPLY_ROWS
// (10000), BENCH_NAIVE_ROWS (10000; 0 skips the naive run),
// BENCH_HEAP_SNAPSHOTS (a directory: V8 heap snapshots after the 100,000-row
// plan and after the apply, to see what stays in memory; open them in Chrome
// DevTools' Memory tab).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import type { AuditEventInput } from "../lib/audit/event";
import { prepareAuditEvents, recordAuditManyPg } from "../lib/audit/record";
import { applyBulkJob, newApplyStats } from "../lib/bulk/apply";
import { planBulkJob } from "../lib/bulk/plan";
import { createPrismaClient, pgPoolOf } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { connectionRecord } from "../lib/vendors/connection-record";
import { TruGridClient } from "../lib/vendors/trugrid/client";
import { TRUGRID_SIM_API_KEY } from "../sim/trugrid";
import { cpuMs, postgresCpuMs, selfCpuMs } from "./proc-cpu";

process.env.CONSOLE_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const APPLY_ROWS = Number(process.env.BENCH_APPLY_ROWS ?? 10_000);
const NAIVE_ROWS = Number(process.env.BENCH_NAIVE_ROWS ?? APPLY_ROWS);

let peakRss = 0;
// What V8's heap held at the peak: RSS beyond it is code, Prisma's WebAssembly query compiler and buffers.
let heapAtPeak = { used: 0, total: 0 };
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss <= peakRss) return;
  peakRss = rss;
  const m = process.memoryUsage();
  heapAtPeak = { used: m.heapUsed, total: m.heapTotal };
}, 25);
const snapshot = (label: string) => {
  const dir = process.env.BENCH_HEAP_SNAPSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  console.log(`heap snapshot: ${v8.writeHeapSnapshot(path.join(dir, `bench-bulk-${label}.heapsnapshot`))}`);
};
const mb = (bytes: number) => Math.round(bytes / 1048576);
const secs = (ms: number) => Math.round(ms) / 1000;

const sim = spawn(process.execPath, ["--import", "tsx", "bench/trugrid-sim-process.ts"], {
  env: { ...process.env, SIM_SIZE: "large", SIM_TRUGRID_LATENCY_MS: String(LATENCY) },
  stdio: ["ignore", "pipe", "inherit"],
});
const [port, domainName] = await new Promise<[string, string]>((resolve, reject) => {
  sim.stdout!.on("data", (d: Buffer) => {
    const m = /ready (\d+) (\S+)/.exec(d.toString());
    if (m?.[1] && m[2]) resolve([m[1], m[2]]);
  });
  sim.once("exit", (code) => reject(new Error(`simulator exited (${code})`)));
});
const baseUrl = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "bench-bulk-"));
const pg = await startEmbeddedPostgres({ dataDir: dir });
const db = createPrismaClient(pg.url, 6);

try {
  await applyMigrations(pg.url);
  const tenant = await db.tenant.create({ data: { name: "Globex (bench)" } });
  await db.vendorConnection.create({
    data: {
      tenantId: tenant.id,
      vendor: "trugrid",
      ...connectionRecord(tenant.id, "trugrid", baseUrl, { apiKey: TRUGRID_SIM_API_KEY }, { domainName }),
    },
  });
  const staff = await db.staffUser.create({
    data: {
      email: "bench@example.com",
      name: "Bench",
      role: "operator",
      passwordHash: "x",
      tenants: { create: [{ tenantId: tenant.id }] },
    },
  });

  // The users the plan checks against, as a sync leaves them (read from TruGrid itself, written in one statement).
  const client = new TruGridClient({ baseUrl, credentials: { apiKey: TRUGRID_SIM_API_KEY, domainName } });
  const upns = (await client.getUserLogonIp()).map((u) => u.upn);
  await db.$executeRaw`
    INSERT INTO "TrugridUser" (id, "tenantId", "vendorId", upn, "emailNorm", raw, hash)
    SELECT gen_random_uuid()::text, ${tenant.id}, u, u, lower(u), '{}'::jsonb, '' FROM unnest(${upns}::text[]) AS u`;
  console.log(
    `TruGrid simulator: ${upns.length.toLocaleString("en")} users, ` +
      `latency ${LATENCY} ms; apply concurrency ${CONCURRENCY}`,
  );

  const csvOf = (rows: string[]) => new TextEncoder().encode(`userUpn\r\n${rows.join("\r\n")}\r\n`);
  const plan = async (n: number) => {
    // Beyond the directory's size, rows name unknown users: the plan must flag them, which is part of the work.
    const rows = Array.from({ length: n }, (_, i) => upns[i] ?? `ghost${i}@nowhere.example`);
    const cpu0 = { console: selfCpuMs(), postgres: postgresCpuMs(path.join(dir, "pg")) };
    const started = performance.now();
    const res = await planBulkJob(db, {
      tenantId: tenant.id,
      operationId: "trugrid.mfa.turned_on",
      fileName: `plan-${n}.csv`,
      bytes: csvOf(rows),
      staffId: staff.id,
    });
    const ms = performance.now() - started;
    const cpu = { console: selfCpuMs() - cpu0.console, postgres: postgresCpuMs(path.join(dir, "pg")) - cpu0.postgres };
    if (!res.ok) throw new Error(res.error);
    console.log(
      `plan ${n.toLocaleString("en")} rows: ${secs(ms)} s (${Math.round(n / (ms / 1000)).toLocaleString("en")} ` +
        `rows/s); CPU console ${secs(cpu.console)} s, Postgres ${secs(cpu.postgres)} s`,
    );
    return { ms, jobId: res.jobId, cpu };
  };
  const plan10k = await plan(10_000);
  const plan100k = await plan(100_000);
  const rssAfterPlans = peakRss;
  snapshot("after-plans");

  // Apply: the 10,000-row plan, confirmed, through the job's own code path.
  const applyJob = APPLY_ROWS === 10_000 ? plan10k.jobId : (await plan(APPLY_ROWS)).jobId;
  await db.bulkJob.update({
    where: { id: applyJob },
    data: { status: "queued", confirmedById: staff.id, confirmedAt: new Date() },
  });
  const stats = newApplyStats();
  const cpuBefore = { console: selfCpuMs(), postgres: postgresCpuMs(path.join(dir, "pg")), sim: cpuMs(sim.pid!) };
  const applyStarted = performance.now();
  const outcome = await applyBulkJob(db, applyJob, { concurrency: CONCURRENCY, stats });
  const applyMs = performance.now() - applyStarted;
  const rssAfterApply = peakRss;
  snapshot("after-apply");
  const cpu = {
    console: selfCpuMs() - cpuBefore.console,
    postgres: postgresCpuMs(path.join(dir, "pg")) - cpuBefore.postgres,
    sim: cpuMs(sim.pid!) - cpuBefore.sim,
  };
  const perRow = (ms: number) => Math.round((ms * 1000) / APPLY_ROWS); // µs
  const load = loadavg().map((l) => Number(l.toFixed(2)));
  const byStatus = Object.fromEntries(
    (await db.bulkRow.groupBy({ by: ["status"], where: { jobId: applyJob }, _count: true })).map((g) => [
      g.status,
      g._count,
    ]),
  );
  const lowerBoundMs = (Math.ceil(APPLY_ROWS / 100) * LATENCY) / CONCURRENCY;
  console.log(
    `apply ${APPLY_ROWS.toLocaleString("en")} rows: ${secs(applyMs)} s (${outcome}; ${JSON.stringify(byStatus)}); ` +
      `lower bound ${secs(lowerBoundMs)} s; ` +
      `ratio ${(applyMs / lowerBoundMs).toFixed(2)}; ` +
      `${Math.round(APPLY_ROWS / (applyMs / 1000)).toLocaleString("en")} rows/s`,
  );
  console.log(
    `apply CPU: console ${secs(cpu.console)} s (${perRow(cpu.console)} µs/row), Postgres ${secs(cpu.postgres)} ` +
      `s (${perRow(cpu.postgres)} µs/row), simulator ${secs(cpu.sim)} s; load average ${load.join(" ")}`,
  );
  // The vendor's answers take longer than the set latency when
  // the machine is busy (client and simulator wait for CPU too):
  // the bound at the measured round trip says how much of the ratio is the console's own.
  const roundTripMs = stats.chunks ? stats.sendMs / stats.chunks : 0;
  const measuredBoundMs = (Math.ceil(APPLY_ROWS / 100) * roundTripMs) / CONCURRENCY;
  console.log(
    `apply vendor round trip ${Math.round(roundTripMs)} ms on average over ${stats.chunks} ` +
      `requests (latency set: ${LATENCY} ms); bound at that round trip ${secs(measuredBoundMs)} ` +
      `s; ratio to it ${(applyMs / measuredBoundMs).toFixed(2)}`,
  );
  console.log(
    `apply wall time by activity: lanes sending ${secs(stats.sendMs)} s, claiming ${secs(stats.claimMs)} s, ` +
      `held back ${secs(stats.backpressureMs)} s (summed over ${CONCURRENCY} lanes); settler ` +
      `writing ${secs(stats.settleMs)} s in ${stats.settleBatches} ` +
      `batches; after the last answer ${secs(stats.tailMs)} s`,
  );

  // The naive script: one request per row, one after another.
  let naiveMs: number | null = null;
  if (NAIVE_ROWS > 0) {
    const started = performance.now();
    for (const upn of upns.slice(0, NAIVE_ROWS)) await client.turnOnMfa([upn]);
    naiveMs = performance.now() - started;
    console.log(
      `naive, one request per row in sequence, ${NAIVE_ROWS.toLocaleString("en")} ` +
        `rows: ${secs(naiveMs)} s (${(naiveMs / applyMs).toFixed(1)}× the bulk apply)`,
    );
  }
  console.log(
    `peak RSS ${mb(peakRss)} MB (${mb(rssAfterPlans)} MB by the end of the ` +
      `plans, ${mb(rssAfterApply)} MB by the end of the apply, before the naive script); ` +
      `V8 heap at the peak: ${mb(heapAtPeak.used)} MB used of ${mb(heapAtPeak.total)} MB`,
  );
  // The measurement below re-reads the events; the figures above are the bulk path's own.
  const peakRssOfBulk = peakRss;
  const heapAtBulkPeak = { ...heapAtPeak };

  // What one of the apply's duties costs by itself here: its audit events (one per row, each chained to the
  // one before, so appended one batch at a time), written again as the settler writes them and nothing else.
  // However well sending and writing overlap, the apply cannot end sooner than this on this machine.
  const auditPool = pgPoolOf(db)!;
  const { rows: written } = await auditPool.query<
    AuditEventInput & { actorId: string; actorEmail: string; actorName: string }
  >(
    `
    SELECT action, "actorId", "actorEmail", "actorName", "tenantId", vendor, targets, before, after, outcome, reason
    FROM "AuditEvent" WHERE "jobId" = $1 ORDER BY seq`,
    [applyJob],
  );
  const again: AuditEventInput[] = written.map(
    ({ actorId, actorEmail, actorName, ...e }) =>
      ({
        ...e,
        actor: { id: actorId, email: actorEmail, name: actorName },
        jobId: "audit-floor",
      }) as AuditEventInput,
  );
  const auditCpu0 = { console: selfCpuMs(), postgres: postgresCpuMs(path.join(dir, "pg")) };
  const auditStarted = performance.now();
  for (let i = 0; i < again.length; i += 1000)
    await recordAuditManyPg(auditPool, prepareAuditEvents(again.slice(i, i + 1000)));
  const auditMs = performance.now() - auditStarted;
  const auditCpu = {
    console: selfCpuMs() - auditCpu0.console,
    postgres: postgresCpuMs(path.join(dir, "pg")) - auditCpu0.postgres,
  };
  console.log(
    `the apply's ${again.length.toLocaleString("en")} audit events alone, appended again in batches of ` +
      `1,000: ${secs(auditMs)} s (CPU console ${perRow(auditCpu.console)} µs/row, ` +
      `Postgres ${perRow(auditCpu.postgres)} µs/row); against the lower bound ` +
      `that alone is a ratio of ${(auditMs / lowerBoundMs).toFixed(2)}`,
  );

  console.log(
    JSON.stringify({
      latencyMs: LATENCY,
      concurrency: CONCURRENCY,
      plan10kSeconds: secs(plan10k.ms),
      plan100kSeconds: secs(plan100k.ms),
      plan100kCpuConsoleSeconds: secs(plan100k.cpu.console),
      plan100kCpuPostgresSeconds: secs(plan100k.cpu.postgres),
      applyRows: APPLY_ROWS,
      applySeconds: secs(applyMs),
      applyLowerBoundSeconds: secs(lowerBoundMs),
      applyRatio: Number((applyMs / lowerBoundMs).toFixed(3)),
      applySucceeded: byStatus.succeeded ?? 0,
      applyFailed: byStatus.failed ?? 0,
      applyCpuConsoleUsPerRow: perRow(cpu.console),
      applyCpuPostgresUsPerRow: perRow(cpu.postgres),
      applyCpuSimulatorSeconds: secs(cpu.sim),
      applyRoundTripMs: Math.round(roundTripMs),
      applyRatioAtMeasuredRoundTrip: Number((applyMs / measuredBoundMs).toFixed(3)),
      applyClaimSeconds: secs(stats.claimMs),
      applyBackpressureSeconds: secs(stats.backpressureMs),
      applySettleSeconds: secs(stats.settleMs),
      applySettleBatches: stats.settleBatches,
      applyTailSeconds: secs(stats.tailMs),
      loadAverage: load,
      auditAloneSeconds: secs(auditMs),
      auditAloneRatio: Number((auditMs / lowerBoundMs).toFixed(3)),
      naiveRows: NAIVE_ROWS,
      naiveSeconds: naiveMs === null ? null : secs(naiveMs),
      naiveOverBulk: naiveMs === null ? null : Number((naiveMs / applyMs).toFixed(1)),
      peakRssMb: Math.round(peakRssOfBulk / 1048576),
      heapUsedAtPeakMb: mb(heapAtBulkPeak.used),
      heapTotalAtPeakMb: mb(heapAtBulkPeak.total),
      peakRssAfterPlansMb: Math.round(rssAfterPlans / 1048576),
      peakRssAfterApplyMb: Math.round(rssAfterApply / 1048576),
    }),
  );
} finally {
  clearInterval(sampler);
  sim.kill("SIGTERM");
  await db.$disconnect();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
