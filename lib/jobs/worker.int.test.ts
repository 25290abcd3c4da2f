import { type ChildProcess, spawn } from "node:child_process";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTruGridSim, type TruGridSim } from "../../sim/trugrid";
import { type SyncHarness, syncHarness } from "../../test/sync-harness";
import { trugridSync } from "../sync/trugrid/sync";
import { connectionRecord } from "../vendors/connection-record";
import { startBoss } from "./boss";
import { enqueueSync } from "./enqueue-sync";

// Real worker processes (scripts/worker.ts) on one database: they share the
// queue without running a job twice, and a job whose worker is killed with
// SIGKILL is picked up again and ends correct.

let sim: TruGridSim;
let simUrl: string;
let h: SyncHarness;
let boss: PgBoss;
const workers: { proc: ChildProcess; out: string[] }[] = [];

function startWorkerProcess() {
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: h.t.url,
      CONSOLE_JOB_SUPERVISE_SECONDS: "2",
      CONSOLE_SYNC_RETRY_DELAY_SECONDS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const w = { proc, out: [] as string[] };
  proc.stdout!.on("data", (d: Buffer) => w.out.push(...d.toString().split("\n").filter(Boolean)));
  proc.stderr!.on("data", (d: Buffer) => w.out.push(...d.toString().split("\n").filter(Boolean)));
  workers.push(w);
  return w;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  sim = createTruGridSim({ size: "small" });
  simUrl = (await sim.server.listen(0)).url;
  h = await syncHarness("trugrid", trugridSync, {
    baseUrl: simUrl,
    secrets: { apiKey: sim.credentials.apiKey },
    settings: { domainName: sim.credentials.domainName },
  });
  boss = await startBoss(h.t.url, "sender");
});

afterAll(async () => {
  for (const w of workers) w.proc.kill("SIGKILL");
  await boss?.stop({ graceful: false }).catch(() => {});
  await h?.close();
  await sim?.server.close();
});

describe("sync workers", () => {
  it("several workers share the queue and run each sync exactly once", async () => {
    const tenants = [h.tenantId];
    for (let i = 0; i < 5; i++) {
      const t = await h.t.db.tenant.create({ data: { name: `Shared ${i}` } });
      await h.t.db.vendorConnection.create({
        data: {
          tenantId: t.id,
          vendor: "trugrid",
          ...connectionRecord(
            t.id,
            "trugrid",
            simUrl,
            { apiKey: sim.credentials.apiKey },
            { domainName: sim.credentials.domainName },
          ),
        },
      });
      tenants.push(t.id);
    }
    const a = startWorkerProcess();
    const b = startWorkerProcess();
    const runs = await Promise.all(
      tenants.map((tenantId) => enqueueSync(h.t.db, boss, { tenantId, vendor: "trugrid", trigger: "test" })),
    );
    const ids = runs.map((r) => r.run.id);
    await until(
      "every sync to finish",
      async () => (await h.t.db.syncRun.count({ where: { id: { in: ids }, status: "succeeded" } })) === ids.length,
    );
    const finished = await h.t.db.syncRun.findMany({ where: { id: { in: ids } } });
    expect(finished.every((r) => r.attempt === 1 && r.created > 0)).toBe(true);
    for (const id of ids) {
      const ran = [...a.out, ...b.out].filter((l) => l.includes(`sync ${id} (attempt`));
      expect(ran, `run ${id} started once`).toHaveLength(1);
    }
    a.proc.kill("SIGTERM");
    b.proc.kill("SIGTERM");
    await Promise.all([a, b].map((w) => new Promise((r) => w.proc.once("exit", r))));
  });

  it("a sync whose worker is killed mid-run is retried by another worker and ends correct", async () => {
    const users = await h.t.db.trugridUser.count({ where: { tenantId: h.tenantId, deletedAt: null } });
    const associations = await h.t.db.vendorEdge.count({ where: { tenantId: h.tenantId, deletedAt: null } });
    // An upstream change the resumed run must pick up, and latency so that the run can be caught part-way.
    const allowList = sim.state.domains.get(sim.credentials.domainName)!.ipWhitelist;
    allowList.splice(0, 1);
    sim.server.faults = { ...sim.server.faults, latencyMs: 250 };
    const victim = startWorkerProcess();
    const { run } = await enqueueSync(h.t.db, boss, { tenantId: h.tenantId, vendor: "trugrid", trigger: "test" });
    await until("the run to be part-way", async () => {
      const r = await h.t.db.syncRun.findUnique({ where: { id: run.id } });
      return r?.status === "running" && r.pagesDone >= 3;
    });
    victim.proc.kill("SIGKILL");
    await new Promise((r) => victim.proc.once("exit", r));
    expect((await h.t.db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");

    sim.server.faults = { ...sim.server.faults, latencyMs: 0 };
    startWorkerProcess();
    const done = await until("the retried run to succeed", async () => {
      const r = await h.t.db.syncRun.findUnique({ where: { id: run.id } });
      return r?.status === "succeeded" ? r : null;
    });
    expect(done.attempt).toBeGreaterThanOrEqual(2);
    expect(done).toMatchObject({ created: 0, updated: 0, deleted: 1, driftEvents: 0 });
    expect(await h.t.db.trugridUser.count({ where: { tenantId: h.tenantId, deletedAt: null } })).toBe(users);
    expect(await h.t.db.vendorEdge.count({ where: { tenantId: h.tenantId, deletedAt: null } })).toBe(associations);
  });
});
