import { expect, test } from "@playwright/test";
import { callServerAction, createStaff, createTenant, db, signIn } from "./fixtures";

async function demoTenant() {
  return (await db()).tenant.findFirstOrThrow({ where: { isDemo: true }, include: { connections: true } });
}

test("demo tenants are wired to the simulators and an operator can test each connection", async ({ page }) => {
  const tenant = await demoTenant();
  expect(tenant.connections.map((c) => c.vendor).sort()).toEqual(["jumpcloud", "trugrid", "truu", "twingate"]);
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  for (const [path, vendor, expected] of [
    ["/trugrid", "trugrid", /IP address/],
    ["/truu", "truu", /enrolled user/],
    ["/twingate", "twingate", /Network answered: \d+ user/],
    ["/jumpcloud", "jumpcloud", /Organisation .* answered: \d+ users/],
  ] as const) {
    await page.goto(path);
    const card = page.getByTestId(`connection-summary-${vendor}`);
    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByTestId(`test-result-${vendor}`)).toHaveText(expected);
  }
  const events = await (await db()).auditEvent.findMany({
    where: { actorId: operator.id, action: "tenant.connection_tested" },
    orderBy: { seq: "asc" },
  });
  expect(events.filter((e) => e.outcome === "pending")).toHaveLength(4);
  expect(events.filter((e) => e.outcome === "success")).toHaveLength(4);
});

test("a viewer calling the operator-only connection test directly is refused and audited", async ({ page }) => {
  const tenant = await demoTenant();
  const viewer = await createStaff("viewer", [tenant.id]);
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/trugrid");
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  const body = await callServerAction(page, "lib/tenants/test-connection.ts", "testVendorConnection", {
    tenantId: tenant.id,
    vendor: "trugrid",
  });
  expect(body).toContain("may not do this");
  const ev = await (await db()).auditEvent.findFirstOrThrow({
    where: { actorId: viewer.id },
    orderBy: { seq: "desc" },
  });
  expect(ev).toMatchObject({
    action: "tenant.connection_tested",
    outcome: "denied",
    reason: expect.stringContaining("viewer lacks connections.test"),
  });
});

test("a wrong vendor key shows the vendor's own refusal", async ({ page }) => {
  const prisma = await db();
  const tenant = await createTenant(`Wrong key ${Date.now()}`);
  const demo = await demoTenant();
  const trugridUrl = demo.connections.find((c) => c.vendor === "trugrid")!.baseUrl;
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);
  await page.goto(`/settings/tenants/${tenant.id}`);
  const tg = page.getByTestId("connection-trugrid");
  await tg.getByLabel("Base URL").fill(trugridUrl);
  await tg.getByLabel("Domain name").fill("not-a-customer.example");
  await tg.getByLabel("API key (api_key header)").fill("not-the-right-key");
  await tg.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText("TruGrid connection saved.")).toBeVisible();
  await page.getByTestId("connection-trugrid").getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-result-trugrid")).toHaveText("TruGrid answered: Invalid API key. (HTTP 401)");
  const ev = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: admin.id, action: "tenant.connection_tested" },
    orderBy: { seq: "desc" },
  });
  expect(ev).toMatchObject({ outcome: "failure", reason: expect.stringContaining("Invalid API key") });
});
