import { expect, test } from "@playwright/test";
import { linkPeople, viaPrisma } from "../lib/sync/link-people";
import { callServerAction, createStaff, createTenant, db, signIn } from "./fixtures";

// One employee under three addresses in a fresh tenant's cache (rows in the
// sync's shape): an admin declares the onmicrosoft domain an alias on the
// tenant page and the People list shows one person known to all four vendors.
test("an admin's domain alias joins a person's vendor accounts; a viewer may not change it", async ({
  page,
  browser,
}) => {
  const prisma = await db();
  const tenant = await createTenant();
  const tenantId = tenant.id;
  const row = (v: string) => ({ tenantId, vendorId: `${v}-${Date.now()}`, hash: "h", raw: {} });
  await prisma.trugridUser.create({
    data: { ...row("tg"), upn: "Alice@Northwind.example", emailNorm: "alice@northwind.example" },
  });
  await prisma.truuUser.create({
    data: {
      ...row("tu"),
      upn: "ALICE@northwind.example",
      emailNorm: "alice@northwind.example",
      displayName: "Alice Smith",
    },
  });
  await prisma.twingateUser.create({
    data: {
      ...row("tw"),
      email: "alice@northwind.onmicrosoft.com",
      emailNorm: "alice@northwind.onmicrosoft.com",
      state: "ACTIVE",
    },
  });
  await prisma.jumpcloudUser.create({
    data: {
      ...row("jc"),
      username: "alice.smith",
      email: "alice.smith@northwind.example",
      emailNorm: "alice.smith@northwind.example",
      raw: { alternateEmail: "alice@northwind.example" },
    },
  });
  await linkPeople(viaPrisma(prisma), tenantId);

  const admin = await createStaff("admin", [tenantId]);
  await signIn(page, admin.email, admin.password);
  await page.goto("/people");
  const table = page.getByTestId("people-table");
  await expect(table.getByTestId("table-row")).toHaveCount(2);

  await page.goto(`/settings/tenants/${tenantId}`);
  await page.getByLabel("Equivalent UPN domains").fill("northwind.onmicrosoft.com = northwind.example");
  await page.getByRole("button", { name: "Save aliases" }).click();
  await expect(page.getByText("Domain aliases saved (1); people re-linked.")).toBeVisible({ timeout: 20_000 });

  await page.goto("/people");
  await expect(table.getByTestId("table-row")).toHaveCount(1);
  await expect(table.getByTestId("table-row").getByText("yes", { exact: true })).toHaveCount(4);
  await table.getByTestId("table-row").getByRole("link").click();
  await expect(page.getByTestId("person-twingate")).toContainText("alice@northwind.onmicrosoft.com");
  await expect(page.getByTestId("person-jumpcloud")).toContainText("alice.smith@northwind.example");

  // A viewer sees the list read-only, and a direct call is refused and audited.
  const viewer = await createStaff("viewer", [tenantId]);
  const vpage = await (await browser.newContext()).newPage();
  await signIn(vpage, viewer.email, viewer.password);
  await vpage.goto(`/settings/tenants/${tenantId}`);
  await expect(vpage.getByLabel("Equivalent UPN domains")).toHaveValue("northwind.onmicrosoft.com = northwind.example");
  await expect(vpage.getByRole("button", { name: "Save aliases" })).toHaveCount(0);
  const body = await callServerAction(vpage, "lib/people/actions.ts", "saveDomainAliases", { tenantId, aliases: "" });
  expect(body).toContain("may not do this");
  expect(await prisma.tenantDomainAlias.count({ where: { tenantId } })).toBe(1);
  expect(
    await prisma.auditEvent.findFirstOrThrow({ where: { actorId: viewer.id }, orderBy: { seq: "desc" } }),
  ).toMatchObject({ action: "tenant.domain_aliases_saved", outcome: "denied" });
});
