import { expect, type Page, test } from "@playwright/test";
import { callServerAction } from "./fixtures";
import { signInSynced, toast } from "./jumpcloud-fixtures";

// The first test of a run also syncs the tenant, on a machine shared with other work.
test.describe.configure({ timeout: 120_000 });

/** Types into a cache picker until its suggestion is chosen, then presses the form's button. */
async function pick(page: Page, picker: string, text: string) {
  await page.getByTestId(picker).fill(text);
}

test("an operator creates a user group, adds a member, and undoes it from the toast", async ({ page }) => {
  const { tenant, staff, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, state: "ACTIVATED" },
    orderBy: { email: "asc" },
    skip: 2,
  });
  const name = `E2E group ${Date.now()}`;
  await page.goto("/jumpcloud/user-groups");
  await page.getByTestId("create-group").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Description").fill("made by a test");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(toast(page)).toContainText(`JumpCloud created the user group ${name}.`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const group = await prisma.vendorObject.findFirstOrThrow({
    where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "user_group", name },
  });

  const members = page.getByTestId("group-members");
  await pick(page, "group-members-picker", user.email);
  await expect(members.getByTestId("group-members-add")).toBeEnabled();
  await members.getByTestId("group-members-add").click();
  await expect(toast(page)).toContainText(`${user.email} added to ${name}.`);
  await expect(members.getByTestId("relation-item")).toHaveCount(1);
  const edge = {
    tenantId: tenant.id,
    vendor: "jumpcloud" as const,
    kind: "user_group_member",
    vendorId: `${group.vendorId}|${user.vendorId}`,
  };
  expect((await prisma.vendorEdge.findFirstOrThrow({ where: edge })).deletedAt).toBeNull();

  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(members.getByTestId("relation-item")).toHaveCount(0);
  expect((await prisma.vendorEdge.findFirstOrThrow({ where: edge })).deletedAt).not.toBeNull();
  const events = await prisma.auditEvent.findMany({
    where: { actorId: staff.id, outcome: "success", action: { startsWith: "jumpcloud.group." } },
    orderBy: { seq: "asc" },
  });
  expect(events.map((e) => e.action)).toEqual([
    "jumpcloud.group.created",
    "jumpcloud.group.member_added",
    "jumpcloud.group.member_removed",
  ]);
});

test("adding a user to a group they are already in shows JumpCloud's refusal verbatim", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const edge = await prisma.vendorEdge.findFirstOrThrow({
    where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "user_group_member", deletedAt: null },
    orderBy: { vendorId: "asc" },
  });
  const group = await prisma.vendorObject.findFirstOrThrow({
    where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "user_group", vendorId: edge.fromId },
  });
  await page.goto(`/jumpcloud/users/${edge.toId}`);
  const groups = page.getByTestId("user-groups");
  await expect(groups.getByText(group.name!, { exact: true })).toBeVisible();
  await pick(page, "user-groups-picker", group.name!);
  await groups.getByTestId("user-groups-add").click();
  await expect(toast(page)).toContainText(
    `JumpCloud answered: user ${edge.toId} is already a member of user group ${edge.fromId} (HTTP 409)`,
  );
  const failed = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "jumpcloud.group.member_added", outcome: "failure" },
    orderBy: { seq: "desc" },
  });
  expect(failed.reason).toContain("already a member");
});

test("the associations editor binds a user to a system and removes it again, with undo", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const bound = new Set(
    (
      await prisma.vendorEdge.findMany({
        where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "association", deletedAt: null },
      })
    ).map((e) => e.vendorId),
  );
  const users = await prisma.jumpcloudUser.findMany({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { email: "asc" },
  });
  const system = await prisma.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { displayName: "asc" },
  });
  const user = users.find((u) => !bound.has(`user:${u.vendorId}|system:${system.vendorId}`))!;
  const sysName = system.displayName || system.hostname!;

  await page.goto("/jumpcloud/associations");
  await pick(page, "association-from", user.email);
  await pick(page, "association-to", sysName);
  await expect(page.getByTestId("association-add")).toBeEnabled();
  await page.getByTestId("association-add").click();
  await expect(toast(page)).toContainText(`${user.email} is bound to ${sysName}.`);
  const where = {
    tenantId: tenant.id,
    vendor: "jumpcloud" as const,
    kind: "association",
    vendorId: `user:${user.vendorId}|system:${system.vendorId}`,
  };
  expect((await prisma.vendorEdge.findFirstOrThrow({ where })).deletedAt).toBeNull();

  const table = page.getByTestId("jc-associations-table");
  await table.getByLabel("Search either side by name").fill(user.email);
  await expect(page).toHaveURL(/q=/);
  const row = table.getByTestId("table-row").filter({ hasText: sysName });
  await expect(row).toHaveCount(1);
  await row.getByTestId("remove-association").click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`${user.email} is no longer bound to ${sysName}.`);
  await expect(row).toHaveCount(0);
  expect((await prisma.vendorEdge.findFirstOrThrow({ where })).deletedAt).not.toBeNull();
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(row).toHaveCount(1);
  expect((await prisma.vendorEdge.findFirstOrThrow({ where })).deletedAt).toBeNull();

  // The other pair lists group-to-group bindings.
  await page.getByLabel("Pair").selectOption("usergroup-systemgroup");
  await expect(page).toHaveURL(/pair=usergroup-systemgroup/);
});

test("a viewer cannot change members or associations, even by calling the actions", async ({ page }) => {
  const { tenant, staff, prisma } = await signInSynced(page, "viewer");
  const edge = await prisma.vendorEdge.findFirstOrThrow({
    where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "user_group_member", deletedAt: null },
  });
  await page.goto(`/jumpcloud/user-groups/${edge.fromId}`);
  await expect(page.getByTestId("group-members").getByTestId("relation-item").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  const body = await callServerAction(page, "lib/jumpcloud/group-actions.ts", "removeGroupMember", {
    tenantId: tenant.id,
    kind: "user_group",
    groupId: edge.fromId,
    memberId: edge.toId,
  });
  expect(body).toContain("may not do this");
  expect((await prisma.vendorEdge.findUniqueOrThrow({ where: { id: edge.id } })).deletedAt).toBeNull();
  expect(
    await prisma.auditEvent.count({
      where: { actorId: staff.id, action: "jumpcloud.group.member_removed", outcome: "denied" },
    }),
  ).toBe(1);
});

test("a new system group gets a system as member and a user group bound to it (user group ↔ system group)", async ({
  page,
}) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const system = await prisma.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { hostname: "desc" },
  });
  const userGroup = await prisma.vendorObject.findFirstOrThrow({
    where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "user_group", deletedAt: null },
    orderBy: { name: "asc" },
  });
  const sysName = system.displayName || system.hostname!;
  const name = `E2E systems ${Date.now()}`;
  await page.goto("/jumpcloud/system-groups");
  await page.getByTestId("create-group").click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(toast(page)).toContainText(`JumpCloud created the system group ${name}.`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const group = await prisma.vendorObject.findFirstOrThrow({
    where: { tenantId: tenant.id, vendor: "jumpcloud", kind: "system_group", name },
  });

  await pick(page, "group-members-picker", sysName);
  await page.getByTestId("group-members-add").click();
  await expect(toast(page)).toContainText(`${sysName} added to ${name}.`);
  await expect(page.getByTestId("group-members").getByTestId("relation-item")).toHaveCount(1);
  expect(
    await prisma.vendorEdge.count({
      where: {
        tenantId: tenant.id,
        kind: "system_group_member",
        vendorId: `${group.vendorId}|${system.vendorId}`,
        deletedAt: null,
      },
    }),
  ).toBe(1);

  await page.getByLabel("Kind").selectOption("user_group");
  await pick(page, "group-associations-picker", userGroup.name!);
  await page.getByTestId("group-associations-add").click();
  await expect(toast(page)).toContainText(`${name} bound to ${userGroup.name}.`);
  await expect(page.getByTestId("group-associations").getByTestId("relation-item")).toHaveCount(1);
  const edge = {
    tenantId: tenant.id,
    kind: "association",
    vendorId: `user_group:${userGroup.vendorId}|system_group:${group.vendorId}`,
  };
  expect(await prisma.vendorEdge.count({ where: { ...edge, deletedAt: null } })).toBe(1);

  // The editor lists the new pair under user group ↔ system group.
  await page.goto(`/jumpcloud/associations?pair=usergroup-systemgroup&q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("jc-associations-table").getByTestId("table-row")).toHaveCount(1);
  await expect(page.getByTestId("jc-associations-table").getByTestId("table-row")).toContainText(userGroup.name!);
});
