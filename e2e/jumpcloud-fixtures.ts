import { expect, type Page } from "@playwright/test";
import { JUMPCLOUD_SIM_CREDENTIALS } from "../sim/jumpcloud/credentials";
import { createStaff, db, signIn } from "./fixtures";

/** The first demo tenant by name, wired to the JumpCloud simulator with an MSP key and its own x-org-id. */
export async function demoTenant() {
  return (await db()).tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
}

/** Signs in as a new staff user of the demo tenant and makes sure its JumpCloud cache is filled. */
export async function signInSynced(page: Page, role: "viewer" | "operator" | "admin") {
  const tenant = await demoTenant();
  const prisma = await db();
  const staff = await createStaff(role, [tenant.id]);
  if ((await prisma.jumpcloudUser.count({ where: { tenantId: tenant.id } })) === 0) {
    const syncer = await createStaff("operator", [tenant.id]);
    await signIn(page, syncer.email, syncer.password);
    await syncNow(page);
    await page.context().clearCookies();
  }
  await signIn(page, staff.email, staff.password);
  return { tenant, staff, prisma };
}

/** The simulator's base URL for this tenant, for fault injection under /__sim/. */
export async function simBase(tenantId: string) {
  const c = await (await db()).vendorConnection.findUniqueOrThrow({
    where: { tenantId_vendor: { tenantId, vendor: "jumpcloud" } },
  });
  return c.baseUrl;
}

export async function setFaults(tenantId: string, faults: Record<string, unknown>) {
  const res = await fetch(`${await simBase(tenantId)}/__sim/faults`, { method: "PUT", body: JSON.stringify(faults) });
  expect(res.ok).toBe(true);
}

/** The newest toast (sonner puts it in front): the outcome of the last action. */
export const toast = (page: Page) => page.locator('[data-sonner-toast][data-front="true"]');

/**
 * Calls the JumpCloud simulator as the vendor's own console would (the tenant's MSP key and organisation), for set-up
 * outside the console.
 */
export async function vendorCall(tenantId: string, method: string, path: string, body?: unknown) {
  const c = await (await db()).vendorConnection.findUniqueOrThrow({
    where: { tenantId_vendor: { tenantId, vendor: "jumpcloud" } },
  });
  const orgId = (c.settings as { orgId?: string }).orgId;
  const res = await fetch(`${c.baseUrl}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      "x-api-key": JUMPCLOUD_SIM_CREDENTIALS.mspApiKey,
      ...(orgId ? { "x-org-id": orgId } : {}),
      "content-type": "application/json",
    },
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.text();
}

/** Runs a JumpCloud sync of the tenant from the Sync page and waits until that run has succeeded. */
export async function syncNow(page: Page) {
  const prisma = await db();
  const since = new Date();
  await page.goto("/sync");
  const card = page.getByTestId("sync-card-jumpcloud");
  await expect(card.getByRole("button", { name: "Sync now" })).toBeEnabled({ timeout: 60_000 });
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect
    .poll(
      async () =>
        (
          await prisma.syncRun.findFirst({
            where: { vendor: "jumpcloud", queuedAt: { gte: since } },
            orderBy: { queuedAt: "desc" },
          })
        )?.status,
      { timeout: 60_000 },
    )
    .toBe("succeeded");
}
