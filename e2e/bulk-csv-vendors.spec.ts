import { expect, type Page, test } from "@playwright/test";
import { createStaff, db, signIn, syncTenant } from "./fixtures";

// One CSV upload per vendor beside TruGrid's (bulk.spec.ts): plan → confirm → applied at the vendor, as the cache
// then shows it, with one audit event per row.

test.describe.configure({ timeout: 180_000 });

async function uploadAndApply(page: Page, operation: string, fileName: string, csv: string, typed?: number) {
  await page.goto("/bulk");
  await page.getByLabel("Operation").selectOption(operation);
  await page.getByTestId("bulk-file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and plan" }).click();
  await expect(page).toHaveURL(/\/bulk\/[a-z0-9]+$/);
  const jobId = page.url().split("/").pop()!;
  await page.getByTestId("confirm-plan").click();
  if (typed !== undefined) await page.getByTestId("confirm-text").fill(String(typed));
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("bulk-progress")).toContainText("completed", { timeout: 120_000 });
  return jobId;
}

test("Twingate: users renamed from a CSV, an unknown email an error row, each row undoable", async ({ page }) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await syncTenant(page, tenant.id, ["twingate"]);
  const users = await prisma.twingateUser.findMany({
    where: { tenantId: tenant.id, deletedAt: null, type: "MANUAL" },
    orderBy: { email: "asc" },
    take: 2,
  });
  // A name of this run's own: a retried test has something to change.
  const stamp = `Renamed${Date.now() % 1_000_000}x`;
  const csv = [
    "Email,First Name,Surname",
    ...users.map((u, i) => `${u.email},${stamp}${i},Person`),
    "ghost@nowhere.example,Nobody,Here",
  ].join("\r\n");
  const jobId = await uploadAndApply(page, "twingate.user.renamed", "names.csv", csv);
  await expect(page.getByTestId("row-error")).toContainText("Unknown user: ghost@nowhere.example");
  for (const [i, u] of users.entries()) {
    const now = await prisma.twingateUser.findUniqueOrThrow({ where: { id: u.id } });
    expect([now.firstName, now.lastName]).toEqual([`${stamp}${i}`, "Person"]);
  }
  expect(await prisma.auditEvent.count({ where: { jobId, action: "twingate.user.renamed", outcome: "success" } })).toBe(
    2,
  );
  // Each row's undo renames that user back.
  await page.getByTestId("row-undo").first().click();
  await expect(page.getByText("Undone.")).toBeVisible();
  await expect
    .poll(async () => (await prisma.twingateUser.findUniqueOrThrow({ where: { id: users[0]!.id } })).firstName)
    .toBe(users[0]!.firstName);
});

test("JumpCloud: users added to a user group from a CSV", async ({ page }) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await syncTenant(page, tenant.id, ["jumpcloud"]);
  const group = await prisma.vendorObject.findFirstOrThrow({
    where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "user_group", deletedAt: null },
    orderBy: { name: "asc" },
  });
  const members = new Set(
    (
      await prisma.vendorEdge.findMany({
        where: {
          tenantId: tenant.id,
          vendor: "jumpcloud",
          kind: "user_group_member",
          fromId: group.vendorId,
          deletedAt: null,
        },
        select: { toId: true },
      })
    ).map((e) => e.toId),
  );
  const outsiders = (
    await prisma.jumpcloudUser.findMany({ where: { tenantId: tenant.id, deletedAt: null }, orderBy: { email: "asc" } })
  )
    .filter((u) => !members.has(u.vendorId))
    .slice(0, 2);
  const csv = ["email,group", ...outsiders.map((u) => `${u.email},${group.name}`)].join("\n");
  const jobId = await uploadAndApply(page, "jumpcloud.group.member_added", "join.csv", csv);
  expect(await prisma.bulkRow.count({ where: { jobId, status: "succeeded" } })).toBe(2);
  expect(
    await prisma.vendorEdge.count({
      where: {
        tenantId: tenant.id,
        vendor: "jumpcloud",
        kind: "user_group_member",
        fromId: group.vendorId,
        toId: { in: outsiders.map((u) => u.vendorId) },
        deletedAt: null,
      },
    }),
  ).toBe(2);
  expect(await prisma.auditEvent.count({ where: { jobId, action: "jumpcloud.group.member_added" } })).toBe(2);
});

test("TruU: devices deleted from a CSV", async ({ page }) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);
  await syncTenant(page, tenant.id, ["truu"]);
  const devices = await prisma.truuDevice.findMany({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { vendorId: "desc" },
    take: 2,
  });
  const csv = ["Device ID", ...devices.map((d) => d.vendorId)].join("\n");
  const jobId = await uploadAndApply(page, "truu.device.deleted", "devices.csv", csv);
  expect(await prisma.bulkRow.count({ where: { jobId, status: "succeeded" } })).toBe(2);
  expect(await prisma.truuDevice.count({ where: { id: { in: devices.map((d) => d.id) }, deletedAt: null } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { jobId, action: "truu.device.deleted", outcome: "success" } })).toBe(
    2,
  );
});
