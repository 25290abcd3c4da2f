import { expect, test } from "@playwright/test";
import { createStaff, createTenant, db, signIn, syncTenant } from "./fixtures";
import { twingateWriteRoom } from "./twingate-fixtures";

test("the People table searches, filters, sorts, pages and hides columns through the URL", async ({ page }) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await syncTenant(page, tenant.id, ["jumpcloud", "twingate"]);

  const total = await prisma.person.count({ where: { tenantId: tenant.id, mergedIntoId: null } });
  expect(total).toBeGreaterThan(10);
  await page.goto("/people?size=10");
  const table = page.getByTestId("people-table");
  await expect(table.getByTestId("table-row")).toHaveCount(10);
  await expect(table.getByTestId("table-range")).toHaveText(`1–10 of ${total}`);

  // Next page, then a search: the search goes back to page 1.
  await table.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(table.getByTestId("table-range")).toHaveText(`11–${Math.min(20, total)} of ${total}`);
  const someone = await prisma.person.findFirstOrThrow({
    where: { tenantId: tenant.id, mergedIntoId: null },
    orderBy: { emailNorm: "desc" },
  });
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

  // Filters: known to JumpCloud and Twingate both, then known to JumpCloud but missing from Twingate.
  const people = await prisma.person.findMany({
    where: { tenantId: tenant.id, mergedIntoId: null },
    select: { emailNorm: true },
  });
  const live = async (table: "jumpcloudUser" | "twingateUser") =>
    new Set(
      (
        await (prisma[table] as typeof prisma.twingateUser).findMany({
          where: { tenantId: tenant.id, deletedAt: null },
          select: { emailNorm: true },
        })
      ).map((u) => u.emailNorm),
    );
  const [jc, tg] = [await live("jumpcloudUser"), await live("twingateUser")];
  const jcNotTg = people.filter((p) => jc.has(p.emailNorm) && !tg.has(p.emailNorm)).length;
  await table.getByLabel("Known to").selectOption("jumpcloud");
  await expect(table.getByTestId("table-range")).toHaveText(
    new RegExp(`of ${people.filter((p) => jc.has(p.emailNorm)).length}$`),
  );
  await table.getByLabel("Missing from").selectOption("twingate");
  if (jcNotTg === 0) await expect(table.getByText("No people match.")).toBeVisible();
  else await expect(table.getByTestId("table-range")).toHaveText(new RegExp(`of ${jcNotTg}$`));
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

test("the person finder opens with '/', finds by part of an email, and the person page joins the vendors", async ({
  page,
}) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const viewer = await createStaff("viewer", [tenant.id]);
  const person = await prisma.person.findFirstOrThrow({
    where: { tenantId: tenant.id, mergedIntoId: null },
    orderBy: { emailNorm: "asc" },
  });
  const jc = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, emailNorm: person.emailNorm },
  });
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/sync");
  await page.keyboard.press("/");
  const input = page.getByLabel("Name, UPN or email");
  await expect(input).toBeFocused();
  await input.fill(person.emailNorm.split("@")[0]!);
  await expect(page.getByTestId("person-finder-results").getByRole("option").first()).toContainText(person.emailNorm);
  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/people/${person.id}$`));
  await expect(page.getByTestId("person-jumpcloud")).toContainText(jc.email);
  // A viewer gets no inline actions.
  await expect(page.getByTestId("person-twingate-state")).toHaveCount(0);
  const tg = await prisma.trugridUser.findFirst({
    where: { tenantId: tenant.id, emailNorm: person.emailNorm, deletedAt: null },
  });
  await expect(page.getByTestId("person-trugrid")).toContainText(tg ? tg.upn : "Not known to TruGrid");

  // Another tenant's person is simply not found, by URL or by search.
  const other = await createTenant(`Other ${Date.now()}`);
  const stranger = await prisma.person.create({
    data: { tenantId: other.id, emailNorm: `stranger-${Date.now()}@elsewhere.example` },
  });
  const res = await page.goto(`/people/${stranger.id}`);
  expect(res?.status()).toBe(404);
  const found = await (await page.request.get(`/api/people/search?q=${encodeURIComponent(stranger.emailNorm)}`)).json();
  expect(found.people).toEqual([]);
});

test("an operator disables a person's Twingate user from the person page, and undoes it from the toast", async ({
  page,
}) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const operator = await createStaff("operator", [tenant.id]);
  await twingateWriteRoom(tenant.id, 2);
  const user = await prisma.twingateUser.findFirstOrThrow({
    where: { tenantId: tenant.id, state: "ACTIVE", deletedAt: null },
    orderBy: { emailNorm: "asc" },
  });
  const person = await prisma.person.findFirstOrThrow({ where: { tenantId: tenant.id, emailNorm: user.emailNorm } });
  await signIn(page, operator.email, operator.password);
  await page.goto(`/people/${person.id}`);
  await page.getByTestId("person-twingate-state").click();
  await expect(page.getByText(`Twingate: ${user.email} is now disabled.`)).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => (await prisma.twingateUser.findUniqueOrThrow({ where: { id: user.id } })).state)
    .toBe("DISABLED");
  await expect(page.getByTestId("person-twingate-state")).toHaveText(/Enable in Twingate/);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone.", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => (await prisma.twingateUser.findUniqueOrThrow({ where: { id: user.id } })).state)
    .toBe("ACTIVE");
});
