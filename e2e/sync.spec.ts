import { expect, test } from "@playwright/test";
import { callServerAction, createStaff, createTenant, db, signIn } from "./fixtures";

test("an operator syncs a vendor now and sees progress, then the counts; the cache holds the data", async ({
  page,
}) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true } });
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await page.goto("/sync");
  for (const vendor of ["trugrid", "truu", "twingate", "jumpcloud"]) {
    const card = page.getByTestId(`sync-card-${vendor}`);
    await card.getByRole("button", { name: "Sync now" }).click();
    await expect(card.getByText("succeeded")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId(`sync-summary-${vendor}`)).toContainText(/\d+ read · \d+ new/);
  }
  expect(await prisma.truuDevice.count({ where: { tenantId: tenant.id, deletedAt: null } })).toBeGreaterThan(0);
  expect(await prisma.jumpcloudUser.count({ where: { tenantId: tenant.id, deletedAt: null } })).toBeGreaterThan(0);
  expect(await prisma.person.count({ where: { tenantId: tenant.id } })).toBeGreaterThan(0);
  await expect(page.getByTestId("sync-history-row").first()).toContainText("manual");
  const requested = await prisma.auditEvent.count({
    where: { actorId: operator.id, action: "sync.requested", outcome: "success" },
  });
  expect(requested).toBe(4);
});

test("a viewer sees sync history but cannot start a sync, even by calling the action", async ({ page }) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true } });
  const viewer = await createStaff("viewer", [tenant.id]);
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/sync");
  await expect(page.getByTestId("sync-card-trugrid")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  const before = await prisma.syncRun.count();
  const body = await callServerAction(page, "lib/sync/actions.ts", "syncNow", {
    tenantId: tenant.id,
    vendor: "trugrid",
  });
  expect(body).toContain("may not do this");
  expect(await prisma.syncRun.count()).toBe(before);
  const other = await createTenant(`Elsewhere ${Date.now()}`);
  const res = await page.request.get(`/api/sync/runs?tenantId=${other.id}`);
  expect(res.status()).toBe(404);
});
