import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { callServerAction, createStaff, createTenant, db, signIn } from "./fixtures";

test("a viewer calling an admin-only server action directly is refused and audited", async ({ page }) => {
  const tenant = await createTenant();
  const viewer = await createStaff("viewer", [tenant.id]);
  await signIn(page, viewer.email, viewer.password);
  const name = `Sneaky ${Date.now()}`;
  const body = await callServerAction(page, "lib/tenants/actions.ts", "createTenant", { name });
  expect(body).toContain("may not do this");
  const prisma = await db();
  expect(await prisma.tenant.findUnique({ where: { name } })).toBeNull();
  const ev = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: viewer.id }, orderBy: { seq: "desc" } });
  expect(ev).toMatchObject({
    action: "tenant.created",
    outcome: "denied",
    reason: expect.stringContaining("viewer lacks tenants.manage"),
  });
});

test("staff of tenant A cannot read or act in tenant B, by URL or by action", async ({ page }) => {
  const a = await createTenant();
  const b = await createTenant();
  const prisma = await db();
  // Something in B's audit trail that A's staff must not see.
  await prisma.vendorConnection.create({
    data: {
      tenantId: b.id,
      vendor: "trugrid",
      baseUrl: "https://tg.example",
      credentials: "v1.x.y.z",
      credentialsHint: "API key: ••••b0b0",
    },
  });
  const staffA = await createStaff("admin", [a.id]);
  await signIn(page, staffA.email, staffA.password);

  // By URL: B's page is "not found", exactly like a tenant that does not exist.
  const resB = await page.goto(`/settings/tenants/${b.id}`);
  expect(resB?.status()).toBe(404);
  await expect(page.getByText("b0b0")).toHaveCount(0);
  const resA = await page.goto(`/settings/tenants/${a.id}`);
  expect(resA?.status()).toBe(200);

  // By action: deleting B's connection is refused as "Not found." and recorded.
  const body = await callServerAction(page, "lib/tenants/actions.ts", "deleteVendorConnection", {
    tenantId: b.id,
    vendor: "trugrid",
  });
  expect(body).toContain("Not found.");
  expect(await prisma.vendorConnection.count({ where: { tenantId: b.id } })).toBe(1);
  const denied = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: staffA.id }, orderBy: { seq: "desc" } });
  expect(denied).toMatchObject({ action: "tenant.connection_deleted", outcome: "denied", tenantId: b.id });
  // Renaming even its own tenant is for an admin with every tenant.
  expect(
    await callServerAction(page, "lib/tenants/actions.ts", "renameTenant", { tenantId: a.id, name: "Taken over" }),
  ).toContain("Only an admin with access to every tenant");

  // Switching the header tenant to B is refused the same way.
  expect(await callServerAction(page, "lib/tenants/switch-tenant.ts", "switchTenant", { tenantId: b.id })).toContain(
    "Not found.",
  );

  // By audit filter: B's events do not appear even when asked for by id.
  await prisma.auditEvent.count(); // B has events: its rename attempt above
  await page.goto(`/audit?tenant=${b.id}`);
  await expect(page.getByText("No events match.")).toBeVisible();
});

test("admins manage tenants, encrypted connections and staff; the audit log shows it", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/settings/tenants");
  const tenantName = `Acme ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(tenantName);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.getByRole("heading", { name: tenantName })).toBeVisible();

  const tg = page.getByTestId("connection-trugrid");
  await tg.getByLabel("Base URL").fill("https://api.trugrid.example");
  await tg.getByLabel("Domain name").fill("acme.example");
  await tg.getByLabel("API key (api_key header)").fill("tg-secret-key-123456789");
  await tg.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText("TruGrid connection saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("connection-trugrid").getByText("API key (api_key header): ••••6789")).toBeVisible();
  expect(await page.content()).not.toContain("tg-secret-key-123456789");
  const stored = await (await db()).vendorConnection.findFirstOrThrow({ where: { tenant: { name: tenantName } } });
  expect(stored.credentials).not.toContain("tg-secret-key");

  await page.goto("/settings/staff");
  const email = `new-${Date.now()}@example.com`;
  await page.getByLabel("Name", { exact: true }).fill("New Operator");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("operator");
  await page.getByLabel(tenantName).check();
  await page.getByRole("button", { name: "Add staff user" }).click();
  const password = await page.getByTestId("generated-password").textContent();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

  await page.goto("/audit?action=tenant.");
  await expect(page.getByTestId("audit-row").filter({ hasText: "tenant.connection_saved" }).first()).toBeVisible();
  await page.goto(`/audit?action=staff.created`);
  await expect(page.getByTestId("audit-row").filter({ hasText: email }).first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, password!);
  await expect(page.getByLabel("Current tenant")).toHaveValue(stored.tenantId);
});

test("a viewer is sent away from admin pages", async ({ page }) => {
  const viewer = await createStaff("viewer", []);
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/settings/staff");
  await expect(page.getByTestId("denied-banner")).toContainText("staff.manage");
});
