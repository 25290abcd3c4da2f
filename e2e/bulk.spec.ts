import { expect, test } from "@playwright/test";
import { callServerAction, createStaff, db, signIn, syncTenant } from "./fixtures";

test("upload → plan → confirm → progress → results, with failed rows downloaded and retried", async ({ page }) => {
  test.setTimeout(120_000);
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await syncTenant(page, tenant.id, ["trugrid"]);
  const users = await prisma.trugridUser.findMany({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { upn: "asc" },
    take: 3,
  });

  await page.goto("/bulk");
  await page.getByLabel("Operation").selectOption("trugrid.mfa.turned_off");
  // A wrong column set is named before anything is planned.
  await page
    .getByTestId("bulk-file")
    .setInputFiles({ name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("name,phone\nx,y\n") });
  await page.getByRole("button", { name: "Upload and plan" }).click();
  await expect(page.getByTestId("bulk-upload-error")).toContainText(
    "missing column: userUpn; unknown columns: name, phone",
  );

  const csv = [
    "User Principal Name",
    ...users.map((u) => u.upn),
    "ghost@nowhere.example",
    "not an email",
    users[0]!.upn,
  ].join("\r\n");
  await page
    .getByTestId("bulk-file")
    .setInputFiles({ name: "mfa-off.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.getByRole("button", { name: "Upload and plan" }).click();
  await expect(page).toHaveURL(/\/bulk\/[a-z0-9]+$/);
  await expect(page.getByTestId("plan-counts")).toContainText(
    "6 rows: 0 create · 3 update · 0 no change · 3 error (1 duplicate in the file)",
  );
  await expect(page.getByTestId("row-error")).toHaveCount(3);
  await expect(page.getByText("Unknown UPN: ghost@nowhere.example")).toBeVisible();
  await expect(page.getByText("Duplicate of row 2 in this file.")).toBeVisible();
  expect(await prisma.auditEvent.count({ where: { action: "trugrid.mfa.turned_off", actorId: operator.id } })).toBe(0);

  await page.getByTestId("confirm-plan").click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("bulk-progress")).toContainText(/completed · 3 of 3 done/, { timeout: 60_000 });
  const jobId = page.url().split("/").pop()!;
  const rows = await prisma.bulkRow.findMany({ where: { jobId, plan: "update" } });
  expect(rows.every((r) => ["succeeded", "failed"].includes(r.status) && r.vendorMessage)).toBe(true);
  expect(await prisma.auditEvent.count({ where: { jobId, action: "trugrid.mfa.turned_off" } })).toBe(3);
  // The failed count holds the rows the plan refused too: they never reached TruGrid, but they did not happen.
  const refusedAtVendor = rows.filter((r) => r.status === "failed").length;
  await expect(page.getByTestId("bulk-failed")).toHaveText(
    `${refusedAtVendor + 3} failed (3 invalid in the file, not sent)`,
  );

  // The failed-rows file holds the plan errors (and any vendor refusals), ready to fix and upload again.
  const failed = await (await page.request.get(`/api/bulk/${jobId}/results?only=failed`)).text();
  const lines = failed.trim().split("\r\n");
  expect(lines[0]).toBe("userUpn,#reason");
  expect(failed).toContain("ghost@nowhere.example,Unknown UPN");
  const results = await (await page.request.get(`/api/bulk/${jobId}/results`)).text();
  expect(results.trim().split("\r\n")).toHaveLength(7);

  // A vendor refusal (TruGrid keeps MFA on for its admins) can be retried: it is sent again and fails again, with
  // TruGrid's words.
  const refused = rows.filter((r) => r.status === "failed");
  if (refused.length) {
    await page.getByTestId("retry-failed").click();
    await expect(page.getByTestId("bulk-progress")).toContainText("completed", { timeout: 60_000 });
    await expect
      .poll(async () => (await prisma.bulkRow.findFirstOrThrow({ where: { id: refused[0]!.id } })).attempts)
      .toBe(2);
  }
});

test("a viewer reads jobs but cannot plan, confirm or cancel one, even by calling the actions", async ({ page }) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const viewer = await createStaff("viewer", [tenant.id]);
  const job = await prisma.bulkJob.create({
    data: {
      tenantId: tenant.id,
      operation: "trugrid.mfa.turned_on",
      fileName: "x.csv",
      createdById: viewer.id,
      rowsTotal: 1,
      rows: { create: [{ line: 2, input: { upn: "a@b.example" }, plan: "update" }] },
    },
  });
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/bulk");
  await expect(page.getByText("Your role (viewer) may read jobs but not start one.")).toBeVisible();
  await page.goto(`/bulk/${job.id}`);
  await expect(page.getByTestId("confirm-plan")).toHaveCount(0);
  expect(
    await callServerAction(page, "lib/bulk/actions.ts", "confirmBulkJob", { tenantId: tenant.id, jobId: job.id }),
  ).toContain("may not do this");
  expect((await prisma.bulkJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("planned");
  expect(
    await prisma.auditEvent.count({ where: { actorId: viewer.id, action: "bulk.confirmed", outcome: "denied" } }),
  ).toBe(1);
});

test(
  "an operator cannot confirm a plan of an admins-only operation (Twingate roles), " + "even by calling the action",
  async ({ page }) => {
    const prisma = await db();
    const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
    const operator = await createStaff("operator", [tenant.id]);
    const job = await prisma.bulkJob.create({
      data: {
        tenantId: tenant.id,
        operation: "twingate.user.role_changed",
        fileName: "roles.csv",
        createdById: operator.id,
        rowsTotal: 1,
        rows: {
          create: [{ line: 2, input: { email: "a@b.example", role: "ADMIN" }, plan: "update", status: "pending" }],
        },
      },
    });
    await signIn(page, operator.email, operator.password);
    await page.goto("/bulk");
    await expect(page.getByLabel("Operation").locator("option", { hasText: "Twingate: set user roles" })).toHaveCount(
      0,
    );
    expect(
      await callServerAction(page, "lib/bulk/actions.ts", "confirmBulkJob", { tenantId: tenant.id, jobId: job.id }),
    ).toContain("needs the admin role");
    expect((await prisma.bulkJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("planned");
  },
);
