import { expect, test } from "@playwright/test";
import { createStaff, db, signIn, syncTenant } from "./fixtures";

test("the People table searches, filters, sorts, pages and hides columns through the URL", async ({ page }) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await syncTenant(page, tenant.id, ["jumpcloud", "twingate"]);

  const total = await prisma.person.count({ where: { tenantId: tenant.id } });
  expect(total).toBeGreaterThan(10);
  await page.goto("/people?size=10");
  const table = page.getByTestId("people-table");
  await expect(table.getByTestId("table-row")).toHaveCount(10);
  await expect(table.getByTestId("table-range")).toHaveText(`1–10 of ${total}`);

  // Next page, then a search: the search goes back to page 1.
  await table.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(table.getByTestId("table-range")).toHaveText(`11–${Math.min(20, total)} of ${total}`);
  const someone = await prisma.person.findFirstOrThrow({ where: { tenantId: tenant.id }, orderBy: { emailNorm: "desc" } });
  await table.getByLabel("Search name, UPN or email").fill(someone.emailNorm);
  await expect(table.getByTestId("table-row")).toHaveCount(1);
  await expect(table.getByTestId("table-row")).toContainText(someone.emailNorm);
  expect(page.url()).not.toContain("page=2");

  // Sort by email descending: the first row is the last email.
  await table.getByLabel("Search name, UPN or email").fill("");
  await expect(table.getByTestId("table-range")).toHaveText(`1–10 of ${total}`);
  await table.getByRole("button", { name: "UPN / email" }).click();
  await expect(page).toHaveURL(/sort=email&dir=desc|dir=desc.*sort=email/);
  await expect(table.getByTestId("table-row").first()).toContainText(someone.emailNorm);
  await expect(table.getByRole("columnheader", { name: /UPN \/ email/ })).toHaveAttribute("aria-sort", "descending");

  // Filter: people TruGrid does not know (it was not synced here, so everyone).
  await table.getByLabel("Missing from").selectOption("trugrid");
  await expect(table.getByTestId("table-range")).toHaveText(`1–10 of ${total}`);
  await table.getByLabel("Known to").selectOption("trugrid");
  await expect(table.getByText("No people match.")).toBeVisible();
  await table.getByLabel("Known to").selectOption("");
  await table.getByLabel("Missing from").selectOption("");

  // Hide a column; the URL keeps it across a reload.
  await expect(table.getByRole("columnheader", { name: "TruU", exact: true })).toBeVisible();
  await table.getByRole("button", { name: "Choose columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "TruU", exact: true }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/hide=truu/);
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "TruGrid", exact: true })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "TruU", exact: true })).toHaveCount(0);
});
