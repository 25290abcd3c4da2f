import { expect, test } from "@playwright/test";
import { callServerAction, createStaff, signIn } from "./fixtures";
import { ensureTwingateSynced, simFaults, twingateDemo, twingateWritesPerTest } from "./twingate-fixtures";

twingateWritesPerTest(4);

test(
  "an operator disables a Twingate user, " + "sees it at the vendor and in the table, then undoes it from the toast",
  async ({ page }) => {
    const { prisma, tenant, sim } = await twingateDemo();
    const operator = await createStaff("operator", [tenant.id]);
    await signIn(page, operator.email, operator.password);
    await ensureTwingateSynced(page, tenant.id);
    const user = await prisma.twingateUser.findFirstOrThrow({
      where: { tenantId: tenant.id, state: "ACTIVE", deletedAt: null },
      orderBy: { emailNorm: "asc" },
    });

    await page.goto(`/twingate/users?q=${encodeURIComponent(user.email)}`);
    const row = page.getByTestId("table-row").filter({ hasText: user.email });
    await expect(row).toHaveCount(1);
    await row.getByTestId("user-disable").click();
    await expect(page.getByText(`Twingate: ${user.email} is now disabled.`)).toBeVisible();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
    expect((await sim.user(user.vendorId))?.state).toBe("DISABLED");
    expect((await prisma.twingateUser.findFirstOrThrow({ where: { id: user.id } })).state).toBe("DISABLED");
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: operator.id, action: "twingate.user.state_changed", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(event.before).toEqual({ state: "ACTIVE" });
    expect(event.after).toEqual({ state: "DISABLED" });

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Undone.", { exact: true })).toBeVisible();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    expect((await sim.user(user.vendorId))?.state).toBe("ACTIVE");
  },
);

test("a synced user cannot be deleted, and the console says why before and after asking Twingate", async ({ page }) => {
  const { prisma, tenant, sim } = await twingateDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTwingateSynced(page, tenant.id);
  const synced = await prisma.twingateUser.findFirstOrThrow({
    where: { tenantId: tenant.id, type: "SYNCED", deletedAt: null },
  });
  await page.goto(`/twingate/users?q=${encodeURIComponent(synced.email)}`);
  await expect(
    page.getByTestId("table-row").filter({ hasText: synced.email }).getByTestId("user-synced-note"),
  ).toHaveText("Delete at the IdP");
  await expect(
    page.getByTestId("table-row").filter({ hasText: synced.email }).getByTestId("user-synced-note"),
  ).toHaveAttribute("title", /synced from an identity provider/);
  const body = await callServerAction(page, "lib/twingate/user-actions.ts", "deleteTwingateUser", {
    tenantId: tenant.id,
    userId: synced.vendorId,
  });
  expect(body).toContain("synced from the identity provider");
  expect(await sim.user(synced.vendorId)).not.toBeNull();
});

test("an operator adds a manual user with an invitation and deletes it", async ({ page }) => {
  const { prisma, tenant, sim } = await twingateDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTwingateSynced(page, tenant.id);
  const email = `e2e-${Date.now()}@example.com`;
  await page.goto("/twingate/users");
  await page.getByTestId("user-create-open").click();
  const form = page.getByTestId("user-create-form");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("First name").fill("Eve");
  await form.getByTestId("form-submit").click();
  await expect(page.getByText(`Twingate: ${email} added (pending), invitation sent.`)).toBeVisible();
  const row = await prisma.twingateUser.findFirstOrThrow({
    where: { tenantId: tenant.id, emailNorm: email, deletedAt: null },
  });
  expect(row).toMatchObject({ state: "PENDING", type: "MANUAL", role: "MEMBER" });

  await page.goto(`/twingate/users?q=${encodeURIComponent(email)}`);
  await page.getByTestId("table-row").filter({ hasText: email }).getByTestId("user-delete").click();
  await expect(page.getByRole("dialog")).toContainText("cannot be undone");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText(`Twingate: ${email} deleted.`)).toBeVisible();
  await expect(page.getByTestId("table-row")).toHaveCount(0);
  expect(await sim.user(row.vendorId)).toBeNull();
});

test(
  "an operator blocks a device, undoes it, trusts it; filters by state and trust show it; Twingate's failure text " +
    "reaches the toast",
  async ({ page }) => {
    const { prisma, tenant, sim, baseUrl } = await twingateDemo();
    const operator = await createStaff("operator", [tenant.id]);
    await signIn(page, operator.email, operator.password);
    await ensureTwingateSynced(page, tenant.id);
    const device = await prisma.twingateDevice.findFirstOrThrow({
      where: { tenantId: tenant.id, activeState: "ACTIVE", isTrusted: false, deletedAt: null, name: { not: null } },
      orderBy: { name: "asc" },
    });
    const name = device.name!;

    await page.goto(`/twingate/devices?q=${encodeURIComponent(name)}`);
    const row = page.getByTestId("table-row").filter({ hasText: name }).first();
    await row.getByTestId("device-block").click();
    await expect(page.getByText(`Twingate: ${name} blocked.`)).toBeVisible();
    expect((await sim.device(device.vendorId))?.activeState).toBe("BLOCKED");
    await page.goto(`/twingate/devices?state=BLOCKED&q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId("table-row").filter({ hasText: name })).toHaveCount(1);

    const blocked = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: operator.id, action: "twingate.device.blocked", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    await page.getByTestId("table-row").filter({ hasText: name }).getByTestId("device-unblock").click();
    await expect(page.getByText(`Twingate: ${name} unblocked.`)).toBeVisible();
    expect((await sim.device(device.vendorId))?.activeState).toBe("ACTIVE");
    expect(blocked.before).toEqual({ activeState: "ACTIVE", isTrusted: false });
    await page.goto(`/twingate/devices?q=${encodeURIComponent(name)}`);

    await row.getByTestId("device-trust").click();
    await expect(page.getByText(`Twingate: ${name} trusted.`)).toBeVisible();
    await page.goto(`/twingate/devices?trusted=yes&q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId("table-row").filter({ hasText: name })).toHaveCount(1);
    expect((await sim.device(device.vendorId))?.isTrusted).toBe(true);

    // The simulator fails the next calls with 500: the toast carries Twingate's answer and nothing changes in the
    // cache.
    await simFaults(baseUrl, { errorRate: 1 });
    try {
      await page.getByTestId("table-row").filter({ hasText: name }).getByTestId("device-untrust").click();
      await expect(page.getByText(/Twingate answered: .*HTTP 500/)).toBeVisible();
    } finally {
      await simFaults(baseUrl, { errorRate: 0 });
    }
    expect((await prisma.twingateDevice.findFirstOrThrow({ where: { id: device.id } })).isTrusted).toBe(true);
    const failed = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: operator.id, action: "twingate.device.untrusted" },
      orderBy: { seq: "desc" },
    });
    expect(failed.outcome).toBe("failure");
  },
);

test("Twingate's rate limit is reported plainly", async ({ page }) => {
  const { tenant, baseUrl } = await twingateDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTwingateSynced(page, tenant.id);
  const { prisma } = await twingateDemo();
  const device = await prisma.twingateDevice.findFirstOrThrow({ where: { tenantId: tenant.id, deletedAt: null } });
  await simFaults(baseUrl, { burst429: 3, retryAfterSeconds: 30 });
  try {
    const body = await callServerAction(
      page,
      "lib/twingate/device-actions.ts",
      device.isTrusted ? "untrustTwingateDevice" : "trustTwingateDevice",
      { tenantId: tenant.id, deviceId: device.vendorId },
    );
    expect(body).toContain("Twingate is rate-limiting this tenant's API token");
    expect(body).toContain("Try again in about 30 s");
  } finally {
    await simFaults(baseUrl, { burst429: 0, retryAfterSeconds: 1 });
  }
});

test(
  "a viewer sees Twingate users and devices without actions, and a direct call is refused, changes nothing and is " +
    "audited",
  async ({ page }) => {
    const { prisma, tenant, sim } = await twingateDemo();
    const operator = await createStaff("operator", [tenant.id]);
    await signIn(page, operator.email, operator.password);
    await ensureTwingateSynced(page, tenant.id);
    const viewer = await createStaff("viewer", [tenant.id]);
    await page.context().clearCookies();
    await signIn(page, viewer.email, viewer.password);
    await page.goto("/twingate/devices");
    await expect(page.getByTestId("table-row").first()).toBeVisible();
    await expect(page.getByTestId("device-block")).toHaveCount(0);
    await page.goto("/twingate/users");
    await expect(page.getByTestId("user-disable")).toHaveCount(0);

    const device = await prisma.twingateDevice.findFirstOrThrow({
      where: { tenantId: tenant.id, activeState: "ACTIVE", deletedAt: null },
    });
    const body = await callServerAction(page, "lib/twingate/device-actions.ts", "blockTwingateDevice", {
      tenantId: tenant.id,
      deviceId: device.vendorId,
    });
    expect(body).toContain("may not do this");
    expect((await sim.device(device.vendorId))?.activeState).toBe("ACTIVE");
    const denied = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: viewer.id, action: "twingate.device.blocked" },
      orderBy: { seq: "desc" },
    });
    expect(denied.outcome).toBe("denied");
  },
);

test("an operator archives a device (told it comes back when it connects) and undoes it", async ({ page }) => {
  const { prisma, tenant, sim } = await twingateDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTwingateSynced(page, tenant.id);
  const device = await prisma.twingateDevice.findFirstOrThrow({
    where: { tenantId: tenant.id, activeState: "ACTIVE", deletedAt: null, name: { not: null } },
    orderBy: { name: "desc" },
  });
  const name = device.name!;
  await page.goto(`/twingate/devices?q=${encodeURIComponent(name)}`);
  await expect(
    page.getByText("An archived device becomes active again by itself the next time it connects."),
  ).toBeVisible();
  await page.getByTestId("table-row").filter({ hasText: name }).first().getByTestId("device-archive").click();
  await expect(
    page.getByText(`Twingate: ${name} archived (it comes back by itself when it next connects).`),
  ).toBeVisible();
  expect((await sim.device(device.vendorId))?.activeState).toBe("ARCHIVED");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone.", { exact: true })).toBeVisible();
  expect((await sim.device(device.vendorId))?.activeState).toBe("ACTIVE");
  expect((await prisma.twingateDevice.findFirstOrThrow({ where: { id: device.id } })).activeState).toBe("ACTIVE");
});
