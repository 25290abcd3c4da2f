// npm run bench:ui — the TruU devices table at 100,000 cached devices, in a
// throwaway embedded Postgres: p95 of the table's server query (rows and
// count) for ten typical filter/sort combinations, p95 of the devices page's
// HTML with 20 signed-in sessions fetching at once from the production
// server, and the page's first-load JavaScript (gzip). Last line: JSON.
//
// BENCH_DEVICES (100000), BENCH_QUERY_RUNS (40 per combination),
// BENCH_SESSIONS (20), BENCH_PAGE_REQUESTS (10 per session), BENCH_WARM_PAGES
// (60: pages served before measuring, so the server's code is optimised by
// then, as in a server that has run a while), BENCH_PORT (free),
// BENCH_PAGE_SIZE (the table's default; e.g. 10 to see what smaller pages buy).
// Beside the latencies it prints the machine's capacity for this page: CPU
// per page in Node and Postgres, the pages per second the cores allow, and
// the mean latency that many sessions cannot go below on this machine.
// Every figure is printed with the machine's load average beside it: on a
// shared machine wall times follow the load; CPU per page much less so.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { hashPassword } from "../lib/crypto/password";
import { createPrismaClient } from "../lib/db/client";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { createPgPool } from "../lib/db/pg-pool";
import { Prisma } from "../lib/generated/prisma/client";
import { readDeviceTable } from "../lib/truu/device-filters";
import { DEVICE_COLUMNS, deviceOrder, deviceWhere, EXACT_COUNT_LIMIT, listDevices } from "../lib/truu/list-devices";
import { cpuMs, postgresCpuMs, procStat } from "./proc-cpu";
import { seedTruuCache } from "./truu-seed";

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 40);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20);
const PAGE_REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 10);
const WARM_PAGES = Number(process.env.BENCH_WARM_PAGES ?? 60);
const TARGET = { queryP95Ms: 30, pageP95Ms: 300, firstLoadJsKb: 250 };

/** Ten things a helpdesk does with the table (URL search strings). */
const COMBOS: Record<string, string> = {
  "default (last heard, newest first)": "",
  "by device name": "sort=name&dir=asc",
  "type ANDROID": "type=ANDROID",
  "assurance Certified": "assurance=500",
  inactive: "active=no",
  "stale 90 days": "stale=90",
  "search a surname": "q=okafor",
  "search a UPN": "q=maya.4242@globex",
  "type + assurance by user": "type=WINDOWS_TPM&assurance=300&sort=user&dir=asc",
  "page 40 by created": "sort=created&dir=desc&page=40",
};

const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};
/** The i-th item of a list read round and round. */
const nth = <T>(xs: readonly T[], i: number): T => {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error("nth: the list is empty");
  return x;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const minuteLoad = () => loadavg()[0] ?? Number.NaN;
const load = () => `(load ${minuteLoad().toFixed(1)})`;

/** Parent pid of every process, from /proc. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const s = procStat(Number(entry));
    if (s) out.set(Number(entry), s.ppid);
  }
  return out;
}

/**
 * The web server's processes under the start script: its `next start` child, or with
 * CONSOLE_WEB_PROCESSES > 1 the cluster process and every `next start` under it.
 */
function webServerPids(startPid: number): number[] {
  const tree = parents();
  const childrenOf = (pid: number) => [...tree].filter(([, parent]) => parent === pid).map(([child]) => child);
  const web = childrenOf(startPid).find((pid) => {
    try {
      return /next|web-cluster/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  });
  if (web === undefined) return [];
  const out = [web];
  for (const pid of out) out.push(...childrenOf(pid)); // grows as it is read: the whole subtree
  return out;
}

/**
 * CPU milliseconds the web server's processes have used (those alive
 * now, an exited one counting 0; they live as long as the server).
 */
const webCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);

process.env.CONSOLE_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const dir = mkdtempSync(path.join(tmpdir(), "bench-ui-"));
const pg = await startEmbeddedPostgres({ dataDir: dir });
const db = createPrismaClient(pg.url, 10);
const pool = createPgPool(pg.url, 4);
let server: ChildProcess | null = null;

try {
  await applyMigrations(pg.url);
  const tenant = await db.tenant.create({ data: { name: "Globex (bench)" } });
  let t0 = performance.now();
  await seedTruuCache(pool, tenant.id, DEVICES);
  await pool.query(`VACUUM ANALYZE "TruuDevice"`);
  await pool.query(`VACUUM ANALYZE "TruuUser"`);
  console.log(
    `seeded ${DEVICES.toLocaleString("en")} devices of ${(DEVICES / 2).toLocaleString("en")} ` +
      `users in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // ---- the table's server query ------------------------------------------
  console.log(`\ntable query (rows + count), ${RUNS} runs each after 3 warm-ups:`);
  const queryP95: Record<string, number> = {};
  for (const [name, qs] of Object.entries(COMBOS)) {
    const { state, filter } = readDeviceTable(Object.fromEntries(new URLSearchParams(qs)));
    for (let i = 0; i < 3; i++) await listDevices(pool, tenant.id, state, filter);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      total = (await listDevices(pool, tenant.id, state, filter)).total;
      times.push(performance.now() - t0);
    }
    queryP95[name] = p(times, 0.95);
    const where = deviceWhere(tenant.id, state.q, filter);
    const explain = async (sql: Prisma.Sql) => {
      const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
        ...sql.values,
      );
      const lines = rows.map((r) => r["QUERY PLAN"]);
      const node =
        lines
          .find((l) => /Index|Seq Scan|Bitmap/.test(l))
          ?.trim()
          .replace(/\s+\(cost.*$/, "") ?? lines[0];
      return { node, exec: lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?" };
    };
    const page = Prisma.sql`ORDER BY ${deviceOrder(state)} OFFSET ${(state.page - 1) * state.size} LIMIT ${state.size}`;
    const rowsPlan = await explain(Prisma.sql`SELECT ${DEVICE_COLUMNS} FROM "TruuDevice" WHERE ${where} ${page}`);
    const countPlan = await explain(
      Prisma.sql`SELECT count(*) FROM (SELECT 1 FROM "TruuDevice" WHERE ${where} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`,
    );
    console.log(
      `  ${name.padEnd(36)} p50 ${ms(p(times, 0.5)).padStart(9)}  ` +
        `p95 ${ms(queryP95[name]).padStart(9)}  ${String(total).padStart(6)} rows  ${load()}`,
    );
    console.log(`      rows:  ${rowsPlan.node} (${rowsPlan.exec})\n      count: ${countPlan.node} (${countPlan.exec})`);
  }
  const worstQuery = Math.max(...Object.values(queryP95));
  const queryLoad = minuteLoad();

  // ---- the page under 20 sessions ------------------------------------------
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  const base = `http://127.0.0.1:${port}`;
  const password = "bench staff password 1";
  const hash = await hashPassword(password);
  const staff = await Promise.all(
    Array.from({ length: SESSIONS }, (_, i) =>
      db.staffUser.create({
        data: {
          email: `bench-${i}@example.com`,
          name: `Bench ${i}`,
          role: "operator",
          passwordHash: hash,
          tenants: { create: [{ tenantId: tenant.id }] },
        },
      }),
    ),
  );
  console.log(`\nstarting the production server on ${base} (builds first when the sources changed)…`);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: pg.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      CONSOLE_DEMO: "0",
      CONSOLE_WORKERS: "0",
      CONSOLE_DATA_DIR: dir,
      CONSOLE_SIGNIN_MAX_PER_IP: "1000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("is ready at")) resolve();
    });
    server!.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });

  /** Signs in through Auth.js's credentials endpoint and returns the session cookie header. */
  const signIn = async (email: string) => {
    const csrfRes = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0] ?? c);
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
    });
    const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0] ?? c)];
    if (!cookies.some((c) => c.includes("session-token")))
      throw new Error(`sign-in of ${email} failed (${res.status})`);
    return cookies.join("; ");
  };
  const cookies = await Promise.all(staff.map((s) => signIn(s.email)));
  const sized = (qs: string) =>
    process.env.BENCH_PAGE_SIZE ? [qs, `size=${process.env.BENCH_PAGE_SIZE}`].filter(Boolean).join("&") : qs;
  const urls = Object.values(COMBOS)
    .map(sized)
    .map((qs) => `${base}/truu/devices${qs ? `?${qs}` : ""}`);
  const get = async (url: string, cookie: string) => {
    const res = await fetch(url, { headers: { cookie } });
    const html = await res.text();
    if (res.status !== 200 || !html.includes("truu-devices-table")) throw new Error(`${url}: HTTP ${res.status}`);
    return html;
  };
  // warm: JIT, connection pool
  for (let i = 0; i < Math.max(WARM_PAGES, urls.length); i++) await get(nth(urls, i), nth(cookies, i));
  const alone: number[] = [];
  for (let i = 0; i < 2 * urls.length; i++) {
    const started = performance.now();
    await get(nth(urls, i), nth(cookies, 0));
    alone.push(performance.now() - started);
  }
  console.log(`page HTML, one session alone: p50 ${ms(p(alone, 0.5))}, p95 ${ms(p(alone, 0.95))} ${load()}`);
  const pageTimes: number[] = [];
  const webPids = webServerPids(server.pid!);
  const cpuBefore = webCpuMs(webPids);
  const pgCpuBefore = postgresCpuMs(path.join(dir, "pg"));
  t0 = performance.now();
  await Promise.all(
    cookies.map(async (cookie, s) => {
      for (let i = 0; i < PAGE_REQUESTS; i++) {
        const started = performance.now();
        await get(nth(urls, s + i), cookie);
        pageTimes.push(performance.now() - started);
      }
    }),
  );
  const wall = performance.now() - t0;
  const pageP95 = p(pageTimes, 0.95);
  // Load-independent: the server's own CPU per page (all its processes). One Node process serves its sessions
  // in turn, so on an otherwise idle machine the slowest of 20 simultaneous requests waits about
  // 20 × this ÷ the number of processes (at most one per core).
  const cpuPerPage = webPids.length ? (webCpuMs(webPids) - cpuBefore) / pageTimes.length : NaN;
  const pgCpuPerPage = (postgresCpuMs(path.join(dir, "pg")) - pgCpuBefore) / pageTimes.length;
  // What the machine can do at all: every page costs this much CPU in Node and Postgres together, and the
  // machine has so many cores. With SESSIONS requests always outstanding, no scheduling brings the mean
  // response under SESSIONS ÷ that rate (Little's law), and p95 sits above the mean.
  const capacity = cpus().length / ((cpuPerPage + pgCpuPerPage) / 1000);
  const meanFloorMs = (SESSIONS / capacity) * 1000;
  const processes = Math.max(1, webPids.length - 1);
  const pageLoad = minuteLoad();
  const cores = Math.min(processes, cpus().length);
  console.log(
    `next server CPU per page: ${ms(cpuPerPage)} over ${processes} ` +
      `process${processes === 1 ? "" : "es"} (× ${SESSIONS} sessions ÷ ${cores} ` +
      `≈ ${ms((cpuPerPage * SESSIONS) / cores)} for the last of a simultaneous round) ${load()}`,
  );
  console.log(
    `CPU per page: Node ${ms(cpuPerPage)} + Postgres ${ms(pgCpuPerPage)} on ${cpus().length} ` +
      `cores: at most ${capacity.toFixed(0)} pages/s, so ${SESSIONS} sessions ` +
      `wait ${ms(meanFloorMs)} per page on average at the very least ${load()}`,
  );
  console.log(
    `page HTML, ${SESSIONS} sessions × ${PAGE_REQUESTS} requests at once: ` +
      `p50 ${ms(p(pageTimes, 0.5))}, p95 ${ms(pageP95)}, ` +
      `max ${ms(Math.max(...pageTimes))}, ${(pageTimes.length / (wall / 1000)).toFixed(1)} pages/s ${load()}`,
  );

  // For comparison, the server's CPU per page of a page with the same frame (session, layout) and little else,
  // and of the devices page at its smallest page size: what the frame costs, and what the rows cost.
  const cpuOf = async (url: string) => {
    if (!webPids.length) return NaN;
    // Warmed like the devices page above; 40 pages so the 10 ms clock ticks of /proc average out.
    for (let i = 0; i < 20; i++) await fetch(url, { headers: { cookie: nth(cookies, 0) } }).then((r) => r.text());
    const before = webCpuMs(webPids);
    for (let i = 0; i < 40; i++) await fetch(url, { headers: { cookie: nth(cookies, 0) } }).then((r) => r.text());
    return (webCpuMs(webPids) - before) / 40;
  };
  const frameCpu = await cpuOf(`${base}/settings`);
  const smallCpu = await cpuOf(`${base}/truu/devices?size=10`);
  console.log(
    `next server CPU per page: /settings ${ms(frameCpu)}, /truu/devices?size=10 ${ms(smallCpu)}, ` +
      `/truu/devices (50 rows) ${ms(cpuPerPage)} ${load()}`,
  );

  // ---- first-load JavaScript -------------------------------------------------
  const html = await get(nth(urls, 0), nth(cookies, 0));
  // Scripts a modern browser loads: `nomodule` polyfills are skipped by every browser that runs modules.
  const scripts = [
    ...new Set(
      [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)]
        .filter((m) => !/\bnomodule\b/i.test(m[0]))
        .map((m) => (m[1] ?? "").replace(/&amp;/g, "&")),
    ),
  ];
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const firstLoadKb = gz / 1024;
  console.log(
    `first-load JS of /truu/devices: ${scripts.length} ` +
      `scripts, ${(raw / 1024).toFixed(0)} KB, ${firstLoadKb.toFixed(1)} KB gzip`,
  );

  const result = {
    devices: DEVICES,
    queryP95Ms: Object.fromEntries(Object.entries(queryP95).map(([k, v]) => [k, Number(v.toFixed(2))])),
    worstQueryP95Ms: Number(worstQuery.toFixed(2)),
    pageP95Ms: Number(pageP95.toFixed(1)),
    pageAloneP50Ms: Number(p(alone, 0.5).toFixed(1)),
    serverCpuMsPerPage: Number(cpuPerPage.toFixed(1)),
    serverCpuMsPerPageFrameOnly: Number(frameCpu.toFixed(1)),
    postgresCpuMsPerPage: Number(pgCpuPerPage.toFixed(1)),
    cores: cpus().length,
    capacityPagesPerSecond: Number(capacity.toFixed(1)),
    meanLatencyFloorMs: Number(meanFloorMs.toFixed(0)),
    sessions: SESSIONS,
    webProcesses: processes,
    firstLoadJsKbGzip: Number(firstLoadKb.toFixed(1)),
    targets: TARGET,
    loadAverage: Number(minuteLoad().toFixed(1)),
    loadAverageDuring: { queries: Number(queryLoad.toFixed(1)), pages: Number(pageLoad.toFixed(1)) },
    met: {
      query: worstQuery < TARGET.queryP95Ms,
      page: pageP95 < TARGET.pageP95Ms,
      js: firstLoadKb < TARGET.firstLoadJsKb,
    },
  };
  console.log(
    `load average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (on ${cpus().length} CPUs; figures scale with it)`,
  );
  console.log("");
  console.log(JSON.stringify(result));
} finally {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => {
      server!.once("exit", r);
      setTimeout(r, 20_000).unref();
    });
  }
  await pool.end();
  await db.$disconnect();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
