import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createPgPool } from "../db/pg-pool";
import { PgPacer } from "./pg-pacer";

let t: TestDatabase;
let poolA: pg.Pool;
let poolB: pg.Pool;
beforeAll(async () => {
  t = await createTestDatabase();
  // Two pools stand for two worker processes: they share nothing but the database.
  poolA = createPgPool(t.url, 3);
  poolB = createPgPool(t.url, 3);
});
afterAll(async () => {
  await poolA.end();
  await poolB.end();
  await t.drop();
});

describe("PgPacer", () => {
  it("holds two workers on one credential to one shared budget", async () => {
    const limits = { read: { limit: 4, windowMs: 800 }, write: { limit: 1, windowMs: 800 } };
    const a = new PgPacer(poolA, "twingate:shared", limits, { marginMs: 0 });
    const b = new PgPacer(poolB, "twingate:shared", limits, { marginMs: 0 });
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 6 }, () => a.acquire("read")),
      ...Array.from({ length: 6 }, () => b.acquire("read")),
    ]);
    const elapsed = Date.now() - started;
    // 12 grants at 4 per 800 ms: the third group cannot start before two windows have passed.
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    const { rows } = await poolA.query<{ at: Date }>(
      `SELECT at FROM "PacerSlot" WHERE key = 'twingate:shared:read' ORDER BY at`,
    );
    expect(rows).toHaveLength(12);
    const times = rows.map((r) => r.at.getTime());
    for (let i = 4; i < times.length; i++) expect(times[i]! - times[i - 4]!).toBeGreaterThanOrEqual(800);
  });

  it("keeps credentials and kinds apart", async () => {
    const limits = { read: { limit: 2, windowMs: 60_000 }, write: { limit: 1, windowMs: 60_000 } };
    const started = Date.now();
    await Promise.all([
      new PgPacer(poolA, "twingate:t1", limits, { marginMs: 0 }).acquire("read"),
      new PgPacer(poolA, "twingate:t1", limits, { marginMs: 0 }).acquire("read"),
      new PgPacer(poolB, "twingate:t2", limits, { marginMs: 0 }).acquire("read"),
      new PgPacer(poolB, "twingate:t1", limits, { marginMs: 0 }).acquire("write"),
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  const AMPLE = { read: { limit: 6000, windowMs: 60_000 }, write: { limit: 20, windowMs: 60_000 } };
  const grants = async (key: string) =>
    (await poolA.query<{ n: number }>(`SELECT count(*)::int AS n FROM "PacerSlot" WHERE key = $1`, [key])).rows[0]!.n;

  it("holds spare grants under an ample budget, counted in the shared budget as soon as they are taken", async () => {
    const pacer = new PgPacer(poolA, "twingate:ample", AMPLE, { marginMs: 250, ahead: 3 });
    await pacer.acquire("read");
    // The call's own grant, then three spares taken in the background.
    await vi.waitFor(async () => expect(await grants("twingate:ample:read")).toBe(4));
    await pacer.acquire("read");
    await pacer.acquire("read");
    // Two spares used and topped up again: each grant still stands for one call the vendor may count.
    await vi.waitFor(async () => expect(await grants("twingate:ample:read")).toBe(6));
    // Writes have a tight budget (20 a minute): no spares there.
    await pacer.acquire("write");
    await new Promise((r) => setTimeout(r, 200));
    expect(await grants("twingate:ample:write")).toBe(1);
  });

  it("holds no spares under a tight budget, where one left unused would be a call lost", async () => {
    const tight = { read: { limit: 60, windowMs: 60_000 }, write: { limit: 20, windowMs: 60_000 } };
    const pacer = new PgPacer(poolA, "twingate:tight", tight, { marginMs: 250, ahead: 3 });
    await pacer.acquire("read");
    await pacer.acquire("read");
    await new Promise((r) => setTimeout(r, 200));
    expect(await grants("twingate:tight:read")).toBe(2);
  });

  it("drops a spare that has waited past half the margin, and grants afresh", async () => {
    const pacer = new PgPacer(poolA, "twingate:stale", AMPLE, { marginMs: 100, ahead: 2 });
    await pacer.acquire("read");
    await vi.waitFor(async () => expect(await grants("twingate:stale:read")).toBe(3));
    // Both spares are older than 50 ms now: the next call gets a grant of its own, then two new spares.
    await new Promise((r) => setTimeout(r, 120));
    await pacer.acquire("read");
    await vi.waitFor(async () => expect(await grants("twingate:stale:read")).toBe(6));
  });
});
