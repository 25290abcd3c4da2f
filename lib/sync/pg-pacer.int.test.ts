import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
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
    const a = new PgPacer(poolA, "twingate:shared", limits, 0);
    const b = new PgPacer(poolB, "twingate:shared", limits, 0);
    const started = Date.now();
    await Promise.all([...Array.from({ length: 6 }, () => a.acquire("read")), ...Array.from({ length: 6 }, () => b.acquire("read"))]);
    const elapsed = Date.now() - started;
    // 12 grants at 4 per 800 ms: the third group cannot start before two windows have passed.
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    const { rows } = await poolA.query<{ at: Date }>(`SELECT at FROM "PacerSlot" WHERE key = 'twingate:shared:read' ORDER BY at`);
    expect(rows).toHaveLength(12);
    const times = rows.map((r) => r.at.getTime());
    for (let i = 4; i < times.length; i++) expect(times[i] - times[i - 4]).toBeGreaterThanOrEqual(800);
  });

  it("keeps credentials and kinds apart", async () => {
    const limits = { read: { limit: 2, windowMs: 60_000 }, write: { limit: 1, windowMs: 60_000 } };
    const started = Date.now();
    await Promise.all([
      new PgPacer(poolA, "twingate:t1", limits, 0).acquire("read"),
      new PgPacer(poolA, "twingate:t1", limits, 0).acquire("read"),
      new PgPacer(poolB, "twingate:t2", limits, 0).acquire("read"),
      new PgPacer(poolB, "twingate:t1", limits, 0).acquire("write"),
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
