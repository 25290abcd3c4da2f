import { expect, type Page, test } from "@playwright/test";
import { pacerKey } from "../lib/twingate/pacer";
import { TwingateClient } from "../lib/vendors/twingate/client";
import { TWINGATE_LIMITS } from "../lib/vendors/twingate/pacer";
import { TWINGATE_SIM_CREDENTIALS } from "../sim/twingate";
import { callServerAction, db } from "./fixtures";

/**
 * A demo tenant with its Twingate simulator, and a client that reads the simulator directly (to check what really
 * changed).
 */
export async function twingateDemo() {
  const prisma = await db();
  const connection = await prisma.vendorConnection.findFirstOrThrow({
    where: { vendor: "twingate", tenant: { isDemo: true } },
    include: { tenant: true },
    orderBy: { tenant: { name: "asc" } },
  });
  const sim = new TwingateClient({ baseUrl: connection.baseUrl, credentials: TWINGATE_SIM_CREDENTIALS });
  return { prisma, tenant: connection.tenant, baseUrl: connection.baseUrl, sim };
}

/** Fills the cache from the simulator once per run (as an operator, through the real sync). */
export async function ensureTwingateSynced(page: Page, tenantId: string) {
  const prisma = await db();
  const done = await prisma.syncRun.findFirst({ where: { tenantId, vendor: "twingate", status: "succeeded" } });
  if (done) return;
  const body = await callServerAction(page, "lib/sync/actions.ts", "syncNow", { tenantId, vendor: "twingate" });
  expect(body).toContain("runId");
  await expect
    .poll(
      async () =>
        (await prisma.syncRun.findFirst({ where: { tenantId, vendor: "twingate" }, orderBy: { queuedAt: "desc" } }))
          ?.status,
      { timeout: 60_000 },
    )
    .toBe("succeeded");
}

/** Sets the simulator's fault knobs (PUT /__sim/faults); call with {} fields at 0 to clear. */
export async function simFaults(baseUrl: string, faults: Record<string, number>) {
  const res = await fetch(`${baseUrl.replace(/\/+$/, "")}/__sim/faults`, {
    method: "PUT",
    body: JSON.stringify(faults),
  });
  expect(res.ok).toBe(true);
}

const writeKey = (tenantId: string) => `${pacerKey(tenantId)}:write`;

/**
 * Waits until the tenant's Twingate write budget (20 a minute, shared by the
 * console and the sync through PacerSlot) has room for `writes` more. The
 * console rightly refuses a click that would wait long for a slot; a run of
 * tests makes changes faster than a person would, so each test that writes
 * first waits, as a technician told "try again in N s" would. The wait
 * extends the test's own time limit.
 */
export async function twingateWriteRoom(tenantId: string, writes: number) {
  const prisma = await db();
  const { limit, windowMs } = TWINGATE_LIMITS.write;
  // There is room for `writes` more once the (limit - writes + 1)-th newest
  // grant has left the window (pacer_try_grant's rule, with some slack).
  const rows = await prisma.$queryRaw<{ wait: number }[]>`
    SELECT GREATEST(0, EXTRACT(EPOCH FROM (at + make_interval(secs => ${(windowMs + 500) / 1000}::float8)
      - clock_timestamp())) * 1000)::float8 AS wait
      FROM "PacerSlot" WHERE key = ${writeKey(tenantId)} ORDER BY at DESC OFFSET ${limit - writes}::int LIMIT 1`;
  const wait = Math.ceil(Number(rows[0]?.wait ?? 0));
  if (wait <= 0) return;
  test.info().setTimeout(test.info().timeout + wait);
  await new Promise((r) => setTimeout(r, wait));
}

/**
 * For a spec file whose tests change Twingate through the console: each test
 * first waits for room for `writes` changes, and afterwards must have made no
 * more than that, so the figure cannot silently fall behind the tests.
 */
export function twingateWritesPerTest(writes: number) {
  let since: Date | null = null;
  test.beforeEach(async () => {
    const { prisma, tenant } = await twingateDemo();
    await twingateWriteRoom(tenant.id, writes);
    const [row] = await prisma.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
    since = row?.now ?? null;
  });
  test.afterEach(async () => {
    const { prisma, tenant } = await twingateDemo();
    const made = await prisma.pacerSlot.count({ where: { key: writeKey(tenant.id), at: { gte: since! } } });
    expect(
      made,
      `this test made ${made} Twingate changes; raise twingateWritesPerTest(${writes}) to match`,
    ).toBeLessThanOrEqual(writes);
  });
}
