import { type ChildProcess, spawn } from "node:child_process";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff } from "../../test/factories";
import { type SyncHarness, syncHarness } from "../../test/sync-harness";
import { startBoss } from "../jobs/boss";
import { BULK_APPLY_QUEUE } from "../jobs/queues";
import { truuSync } from "../sync/truu/sync";
import { startTruu } from "../vendors/truu/test-harness";
import { planBulkJob } from "./plan";

// A real worker process applying a bulk job of TruU deletes (not repeatable)
// is killed with SIGKILL part-way; another worker resumes the job. Every row
// ends with one final status, no device is deleted twice, and each row has
// exactly one audit event.

let truu: Awaited<ReturnType<typeof startTruu>>;
let h: SyncHarness;
let boss: PgBoss;
const procs: ChildProcess[] = [];

function startWorker() {
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: h.t.url, CONSOLE_JOB_SUPERVISE_SECONDS: "2", CONSOLE_BULK_CONCURRENCY: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  procs.push(proc);
  return proc;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 120_000,
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
  truu = await startTruu("small");
  h = await syncHarness("truu", truuSync, { baseUrl: truu.url, secrets: { ...truu.sim.credentials } });
  expect((await h.run()).status).toBe("succeeded");
  boss = await startBoss(h.t.url, "sender");
});
afterAll(async () => {
  for (const p of procs) p.kill("SIGKILL");
  await boss?.stop({ graceful: false }).catch(() => {});
  await h?.close();
  await truu?.close();
});

describe("bulk apply across a worker crash", () => {
  it("resumes after SIGKILL without deleting anything twice; every row ends once", async () => {
    const staff = await makeStaff(h.t.db, { role: "operator", tenantIds: [h.tenantId] });
    const devices = await h.t.db.truuDevice.findMany({
      where: { tenantId: h.tenantId, deletedAt: null, userGuid: { not: null } },
      orderBy: { vendorId: "asc" },
      take: 12,
    });
    expect(devices).toHaveLength(12);
    for (const d of devices) expect(truu.sim.state.devices.find((x) => x.deviceId === d.vendorId)).toBeDefined();
    const plan = await planBulkJob(h.t.db, {
      tenantId: h.tenantId,
      operationId: "truu.device.deleted",
      fileName: "kill.csv",
      staffId: staff.id,
      bytes: new TextEncoder().encode(`deviceId\n${devices.map((d) => d.vendorId).join("\n")}\n`),
    });
    if (!plan.ok) throw new Error(plan.error);
    await h.t.db.bulkJob.update({
      where: { id: plan.jobId },
      data: { status: "queued", confirmedById: staff.id, confirmedAt: new Date() },
    });

    // Slow enough to be caught part-way: one row at a time, 400 ms each.
    await truu.faults({ latencyMs: 400 });
    const victim = startWorker();
    await boss.send(BULK_APPLY_QUEUE, { jobId: plan.jobId }, { singletonKey: plan.jobId });
    await until(
      "a few rows to be done",
      async () => (await h.t.db.bulkRow.count({ where: { jobId: plan.jobId, status: "succeeded" } })) >= 3,
    );
    victim.kill("SIGKILL");
    await new Promise((r) => victim.once("exit", r));
    const atKill = await h.t.db.bulkRow.groupBy({ by: ["status"], where: { jobId: plan.jobId }, _count: true });
    expect(atKill.find((g) => g.status === "pending")?._count ?? 0).toBeGreaterThan(0);

    await truu.faults({ latencyMs: 0 });
    startWorker();
    await until(
      "the job to complete",
      async () => (await h.t.db.bulkJob.findUniqueOrThrow({ where: { id: plan.jobId } })).status === "completed",
    );

    const rows = await h.t.db.bulkRow.findMany({ where: { jobId: plan.jobId }, orderBy: { line: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(Array(12).fill("succeeded"));
    // A row is sent at most once more than it was before the crash, and only when TruU said it was not applied.
    expect(rows.every((r) => r.attempts <= 2)).toBe(true);
    for (const d of devices) expect(truu.sim.state.devices.find((x) => x.deviceId === d.vendorId)).toBeUndefined();
    const events = await h.t.db.auditEvent.findMany({ where: { jobId: plan.jobId } });
    expect(events).toHaveLength(12);
    expect(new Set(events.map((e) => (e.targets as { id: string }[])[0]!.id)).size).toBe(12);
    expect(
      await h.t.db.truuDevice.count({
        where: { tenantId: h.tenantId, vendorId: { in: devices.map((d) => d.vendorId) }, deletedAt: null },
      }),
    ).toBe(0);
  }, 180_000);
});
