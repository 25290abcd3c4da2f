import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TruGridSim } from "../../../sim/trugrid";
import { type BulkHarness, trugridBulkHarness } from "../../../test/bulk-harness";
import { planConfirmed, putSimFaults } from "../../../test/bulk-jobs";
import { applyBulkJob, bulkProgress, newApplyStats } from ".";

// The settler writes lanes' results in batches while the lanes go on
// sending: these tests hold up or refuse those writes (in Postgres, as a slow
// or failing database would) and watch what the lanes do meanwhile.

let env: BulkHarness<TruGridSim>;
beforeAll(async () => {
  env = await trugridBulkHarness("operator");
});
afterAll(() => env?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A confirmed "RDP over UDP on" job of `rows` copies of one user's row, which TruGrid takes again and again. */
async function udpOnJob(rows: number) {
  const { sim, h, staffId } = env;
  const user = [...sim.state.domains.values().next().value!.users.values()].find((u) => u.synced && !u.isAdmin)!;
  const csv = `upn\n${user.upn}\n`;
  const { jobId } = await planConfirmed(h.t.db, {
    tenantId: h.tenantId,
    staffId,
    operationId: "trugrid.udp.enabled",
    csv,
  });
  await h.t.db.$executeRaw`
    INSERT INTO "BulkRow" (id, "jobId", line, input, plan, before, after, status, attempts)
    SELECT gen_random_uuid()::text, "jobId", line + n, input, plan, before, after, status, 0
    FROM "BulkRow", generate_series(1, ${rows - 1}) AS n WHERE "jobId" = ${jobId}`;
  return jobId;
}

/** Polls `probe` until it is over `above` and then gives the same number for `steadyMs`; returns that number. */
async function steadyAbove(probe: () => Promise<number>, above: number, steadyMs: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  let since = Date.now();
  while (last <= above || Date.now() - since < steadyMs) {
    if (Date.now() > deadline) throw new Error(`not steady above ${above} after ${timeoutMs} ms (last ${last})`);
    await sleep(100);
    const now = await probe();
    if (now !== last) [last, since] = [now, Date.now()];
  }
  return last;
}

describe("bulk apply settler", () => {
  it("holds lanes back once about 2,000 answered rows wait to be written, and sends the rest later", async () => {
    const { h } = env;
    const db = h.t.db;
    const rows = 8000;
    const jobId = await udpOnJob(rows);
    const count = (status: "sending" | "succeeded") => db.bulkRow.count({ where: { jobId, status } });

    // Results are written with their audit events: while another transaction
    // holds the audit table, no write can finish and every answered row waits.
    const lock = await h.pool.connect();
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
    const stats = newApplyStats();
    const applying = applyBulkJob(db, jobId, { concurrency: 4, stats });
    let held: number;
    try {
      // Lanes go on while fewer rows wait, and stop soon after.
      held = await steadyAbove(() => count("sending"), 2000, 1500);
      expect(await count("succeeded")).toBe(0);
    } finally {
      await lock.query("COMMIT");
      lock.release();
    }
    // 2,000 waiting rows, plus the two batches taken up (one being written,
    // one ready behind it), the chunks at the vendor and those claimed ahead.
    expect(held).toBeLessThan(4000);

    expect(await applying).toBe("completed");
    expect(await count("succeeded")).toBe(rows);
    expect(await db.auditEvent.count({ where: { jobId } })).toBe(rows);
    expect(stats.backpressureMs).toBeGreaterThan(0);
    expect(stats.chunks).toBe(rows / 100);
    expect(stats.settleBatches).toBeGreaterThanOrEqual(rows / 1000);
  });

  it("stops sending when results cannot be written, fails once nothing is in flight; a retry ends it", async () => {
    const { h, url } = env;
    const db = h.t.db;
    const rows = 1000;
    const jobId = await udpOnJob(rows);
    const attempts = async () =>
      (await db.bulkRow.aggregate({ where: { jobId }, _sum: { attempts: true } }))._sum.attempts;
    const counts = async () => ({ ...(await bulkProgress(db, jobId)), attempts: await attempts() });

    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditEvent"
      FOR EACH STATEMENT EXECUTE FUNCTION test_refuse_audit()`);
    // Every lane is at the vendor, or has a chunk claimed ahead, when the first write fails.
    await putSimFaults(url, { latencyMs: 300 });
    try {
      await expect(applyBulkJob(db, jobId, { concurrency: 4 })).rejects.toThrow(/audit refused by the test/);
      const stopped = await counts();
      expect(stopped).toMatchObject({ succeeded: 0, failed: 0 });
      expect(stopped.pending).toBeGreaterThan(0);
      // Nothing of the failed run goes on once it has failed: no answer comes
      // back and no claimed row is put back later, behind a retry's back.
      await sleep(1000);
      expect(await counts()).toEqual(stopped);
    } finally {
      await putSimFaults(url, { latencyMs: 0 });
      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_audit ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_audit()`);
    }

    // The rows the failed run sent are left "sending": the retry's resume sends them again (they are repeatable).
    expect(await applyBulkJob(db, jobId, { concurrency: 4 })).toBe("completed");
    expect(await bulkProgress(db, jobId)).toMatchObject({ succeeded: rows, pending: 0, sending: 0 });
    expect(await db.auditEvent.count({ where: { jobId } })).toBe(rows);
  });
});
