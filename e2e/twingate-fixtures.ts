import { expect, type Page } from "@playwright/test";
import { TWINGATE_SIM_CREDENTIALS } from "../sim/twingate";
import { TwingateClient } from "../lib/vendors/twingate/client";
import { callServerAction, db } from "./fixtures";

/** A demo tenant with its Twingate simulator, and a client that reads the simulator directly (to check what really changed). */
export async function twingateDemo() {
  const prisma = await db();
  const connection = await prisma.vendorConnection.findFirstOrThrow({ where: { vendor: "twingate", tenant: { isDemo: true } }, include: { tenant: true }, orderBy: { tenant: { name: "asc" } } });
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
  await expect.poll(async () => (await prisma.syncRun.findFirst({ where: { tenantId, vendor: "twingate" }, orderBy: { queuedAt: "desc" } }))?.status, { timeout: 60_000 }).toBe("succeeded");
}

/** Sets the simulator's fault knobs (PUT /__sim/faults); call with {} fields at 0 to clear. */
export async function simFaults(baseUrl: string, faults: Record<string, number>) {
  const res = await fetch(`${baseUrl.replace(/\/+$/, "")}/__sim/faults`, { method: "PUT", body: JSON.stringify(faults) });
  expect(res.ok).toBe(true);
}
