import { expect, test } from "@playwright/test";
import { callServerAction } from "./fixtures";
import { signInSynced, simBase, toast } from "./jumpcloud-fixtures";

// The first test of a run also syncs the tenant, on a machine shared with other work.
test.describe.configure({ timeout: 120_000 });

async function commands(tenantId: string, orgId: string) {
  const res = await fetch(`${await simBase(tenantId)}/__sim/orgs/${orgId}/commands`);
  return (await res.json()) as { target: string; command: string }[];
}

async function orgOf(tenantId: string, prisma: Awaited<ReturnType<typeof signInSynced>>["prisma"]) {
  const c = await prisma.vendorConnection.findUniqueOrThrow({
    where: { tenantId_vendor: { tenantId, vendor: "jumpcloud" } },
  });
  return (c.settings as { orgId: string }).orgId;
}

test("an operator locks a system; erase and shutdown are admin-only and refused to the operator", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const system = await prisma.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, os: "Windows" },
    orderBy: { displayName: "asc" },
  });
  const name = system.displayName || system.hostname!;
  await page.goto("/jumpcloud/systems");
  await page.getByTestId("jc-systems-table").getByLabel("Search name, hostname or serial").fill(name);
  await expect(page).toHaveURL(/q=/);
  await page.getByTestId("system-link").filter({ hasText: name }).first().click();
  await expect(page.getByTestId("system-detail")).toContainText(system.hostname!);
  const cmds = page.getByTestId("system-commands");
  await expect(cmds.getByRole("button", { name: "Erase" })).toHaveCount(0);
  await expect(cmds.getByRole("button", { name: "Shut down" })).toHaveCount(0);
  await cmds.getByRole("button", { name: "Lock" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`JumpCloud accepted the lock command for ${name}.`);
  expect(await commands(tenant.id, await orgOf(tenant.id, prisma))).toContainEqual(
    expect.objectContaining({ target: `system:${system.vendorId}`, command: "lock" }),
  );

  const refused = await callServerAction(page, "lib/jumpcloud/system-actions.ts", "eraseSystem", {
    tenantId: tenant.id,
    systemId: system.vendorId,
    confirm: name,
  });
  expect(refused).toContain("needs admin");
  expect((await commands(tenant.id, await orgOf(tenant.id, prisma))).filter((c) => c.command === "erase")).toHaveLength(
    0,
  );
});

test("an admin erases a system only after typing its name", async ({ page }) => {
  const { tenant, staff, prisma } = await signInSynced(page, "admin");
  const system = await prisma.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, os: "Windows" },
    orderBy: { displayName: "desc" },
  });
  const name = system.displayName || system.hostname!;
  await page.goto(`/jumpcloud/systems/${system.vendorId}`);
  await page.getByTestId("system-commands").getByRole("button", { name: "Erase" }).click();
  await expect(page.getByTestId("confirm-button")).toBeDisabled();
  await page.getByTestId("confirm-text").fill(name.slice(0, -1));
  await expect(page.getByTestId("confirm-button")).toBeDisabled();
  await page.getByTestId("confirm-text").fill(name);
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`JumpCloud accepted the erase command for ${name}.`);
  expect(await commands(tenant.id, await orgOf(tenant.id, prisma))).toContainEqual(
    expect.objectContaining({ target: `system:${system.vendorId}`, command: "erase" }),
  );
  // Typing the wrong name is refused by the server too, not only by the dialog.
  const wrong = await callServerAction(page, "lib/jumpcloud/system-actions.ts", "eraseSystem", {
    tenantId: tenant.id,
    systemId: system.vendorId,
    confirm: "something else",
  });
  expect(wrong).toContain("type the system's name exactly");
  expect(
    await prisma.auditEvent.count({
      where: { actorId: staff.id, action: "jumpcloud.system.erased", outcome: "success" },
    }),
  ).toBe(1);
});

test("Apple MDM lock: JumpCloud's refusal without a PIN is shown as is; with a PIN the lock is sent", async ({
  page,
}) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const mac = await prisma.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, os: "Mac OS X" },
    orderBy: { displayName: "asc" },
  });
  const name = mac.displayName || mac.hostname!;
  await page.goto(`/jumpcloud/systems/${mac.vendorId}`);
  const mdm = page.getByTestId("mdm-commands");
  await mdm.getByRole("button", { name: "MDM lock" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(
    "JumpCloud answered: a 6-digit PIN is required to lock a macOS device (HTTP 400)",
  );
  await page.getByLabel(/Six-digit PIN/).fill("123456");
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`JumpCloud accepted the MDM lock command for ${name}.`);
  const sent = await commands(tenant.id, await orgOf(tenant.id, prisma));
  expect(sent.filter((c) => c.target.startsWith("mdmdevice:") && c.command === "lock")).toHaveLength(1);
  const event = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "jumpcloud.mdm_device.locked", outcome: "success" },
    orderBy: { seq: "desc" },
  });
  expect(JSON.stringify(event.after)).not.toContain("123456");
});

test("Apple MDM OS update status: an operator asks a Mac for it and JumpCloud accepts", async ({ page }) => {
  const { tenant, staff, prisma } = await signInSynced(page, "operator");
  const mac = await prisma.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, os: "Mac OS X" },
    orderBy: { displayName: "asc" },
  });
  const name = mac.displayName || mac.hostname!;
  const asked = async () =>
    (await commands(tenant.id, await orgOf(tenant.id, prisma))).filter(
      (c) => c.target.startsWith("mdmdevice:") && c.command === "osUpdateStatus",
    ).length;
  const before = await asked();
  await page.goto(`/jumpcloud/systems/${mac.vendorId}`);
  await page.getByTestId("mdm-commands").getByRole("button", { name: "OS update status" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`JumpCloud accepted the OS update status command for ${name}.`);
  expect(await asked()).toBe(before + 1);
  const action = "jumpcloud.mdm_device.os_update_status_requested";
  expect(await prisma.auditEvent.count({ where: { actorId: staff.id, action, outcome: "success" } })).toBe(1);
});

test("Apple MDM OS update: an operator schedules one on a Mac, and refreshes DEP devices from the list", async ({
  page,
}) => {
  const { tenant, staff, prisma } = await signInSynced(page, "operator");
  const mac = await prisma.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, os: "Mac OS X", serialNumber: { not: null } },
    orderBy: { displayName: "desc" },
  });
  const name = mac.displayName || mac.hostname!;
  const org = await orgOf(tenant.id, prisma);
  const sent = async (command: string) => (await commands(tenant.id, org)).filter((c) => c.command === command);
  const scheduled = (await sent("scheduleOSUpdate")).length;
  await page.goto(`/jumpcloud/systems/${mac.vendorId}`);
  await page.getByTestId("mdm-commands").getByRole("button", { name: "Schedule OS update" }).click();
  await page.getByLabel("Product key").fill("macOS 15.2");
  await page.getByLabel("How to install it").selectOption("INSTALL_LATER");
  await page.getByLabel(/Times the user may defer it/).fill("2");
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`JumpCloud scheduled macOS 15.2 on ${name}.`);
  expect((await sent("scheduleOSUpdate")).length).toBe(scheduled + 1);
  const event = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: staff.id, action: "jumpcloud.mdm_device.os_update_scheduled", outcome: "success" },
  });
  expect(event.after).toEqual({
    via: "apple_mdm",
    productKey: "macOS 15.2",
    installAction: "INSTALL_LATER",
    maxUserDeferrals: 2,
  });

  const refreshed = (await sent("refreshdepdevices")).length;
  await page.goto("/jumpcloud/systems");
  await page.getByRole("button", { name: "Refresh DEP devices" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText("JumpCloud is reading Apple Business Manager again.");
  expect((await sent("refreshdepdevices")).length).toBeGreaterThan(refreshed);
});
