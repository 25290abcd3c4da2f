import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { ActionError } from "../actions/result";
import { createPgPool } from "../db/pg-pool";
import { PgPacer } from "../sync/pg-pacer";
import { TWINGATE_LIMITS } from "../vendors/twingate/pacer";
import { ConsolePacer } from "./pacer";

let t: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("ConsolePacer", () => {
  it("shares the sync's budget for the tenant's token and refuses plainly instead of waiting a minute", async () => {
    // The sync's pacer (as run-sync.ts builds it) uses up the minute's writes.
    const sync = new PgPacer(pool, "twingate:tenant-1", TWINGATE_LIMITS);
    for (let i = 0; i < TWINGATE_LIMITS.write.limit; i++) await sync.acquire("write");

    const started = Date.now();
    const err = await new ConsolePacer(t.db, "tenant-1", 1_000).acquire("write").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionError);
    expect((err as Error).message).toMatch(
      /Twingate allows 20 writes a minute .* Nothing was changed at Twingate; try again in about \d+ s\./,
    );
    expect(Date.now() - started).toBeLessThan(2_000);

    // Reads have their own budget, and another tenant's token is not affected.
    await new ConsolePacer(t.db, "tenant-1").acquire("read");
    await new ConsolePacer(t.db, "tenant-2").acquire("write");
  });
});
