import { expect, type Page, test } from "@playwright/test";
import { callServerAction, createStaff, signIn } from "./fixtures";
import { ensureTwingateSynced, twingateDemo, twingateWritesPerTest } from "./twingate-fixtures";

twingateWritesPerTest(5);

async function objectId(kind: string, name: string) {
  const { prisma, tenant } = await twingateDemo();
  return (
    await prisma.vendorObject.findFirstOrThrow({
      where: { tenantId: tenant.id, vendor: "twingate", kind, name, deletedAt: null },
    })
  ).vendorId;
}

async function asAdmin(page: Page) {
  const { tenant } = await twingateDemo();
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);
  await ensureTwingateSynced(page, tenant.id);
  return admin;
}

test("an operator adds a user to a group and undoes it, then removes a member; Twingate and the cache agree", async ({
  page,
}) => {
  const { prisma, tenant, sim } = await twingateDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTwingateSynced(page, tenant.id);
  const groupId = await objectId("group", "Contractors");
  const members = async () => new Set((await sim.group(groupId))!.users.edges.map((e) => e.node.id));
  const outsider = await prisma.twingateUser.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, vendorId: { notIn: [...(await members())] } },
    orderBy: { emailNorm: "asc" },
  });

  await page.goto(`/twingate/groups/${encodeURIComponent(groupId)}`);
  await page.getByLabel("Find users to add").fill(outsider.email);
  await page
    .getByTestId("member-candidates")
    .getByRole("button", { name: `Add ${outsider.email}` })
    .click();
  await expect(page.getByText(`Twingate: ${outsider.email} added to Contractors.`)).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: outsider.email })).toHaveCount(1);
  expect((await members()).has(outsider.vendorId)).toBe(true);
  expect(
    await prisma.vendorEdge.count({
      where: { tenantId: tenant.id, kind: "group_member", fromId: groupId, toId: outsider.vendorId, deletedAt: null },
    }),
  ).toBe(1);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone.", { exact: true })).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: outsider.email })).toHaveCount(0);
  expect((await members()).has(outsider.vendorId)).toBe(false);

  const member = page.getByTestId("member-row").first();
  const email = (await member.locator("td").first().textContent())!.trim();
  await member.getByTestId("member-remove").click();
  await expect(page.getByText(`Twingate: ${email} removed from Contractors.`)).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toHaveCount(0);
});

test(
  "an admin creates a group, gives it a resource, applies a policy after the warning, and deletes it with typed " +
    "confirmation",
  async ({ page }) => {
    await asAdmin(page);
    const { prisma, tenant, sim } = await twingateDemo();
    const name = `E2E Group ${Date.now()}`;
    await page.goto("/twingate/groups");
    await page.getByTestId("group-create-open").click();
    await page.getByTestId("group-create-form").getByLabel("Name").fill(name);
    await page.getByTestId("group-create-form").getByTestId("form-submit").click();
    await expect(page.getByText(`Twingate: group ${name} created.`)).toBeVisible();
    await expect(page.getByRole("heading", { name: new RegExp(`Group ${name}`) })).toBeVisible();
    const groupId = await objectId("group", name);

    await page.getByLabel("Give access to").selectOption({ label: "Grafana" });
    await page.getByTestId("group-resource-add").click();
    await expect(page.getByText(`Twingate: the group now reaches Grafana.`)).toBeVisible();
    await expect(page.getByTestId("group-resource-row").filter({ hasText: "Grafana" })).toHaveCount(1);

    await page.getByLabel("Security policy").selectOption({ label: "Require MFA" });
    await page.getByTestId("group-policy-apply").click();
    await expect(page.getByRole("dialog")).toContainText("re-points every resource this group reaches");
    await expect(page.getByTestId("policy-affected")).toContainText("Grafana");
    await page.getByTestId("confirm-button").click();
    await expect(page.getByText(/policy Require MFA applied to the group and its 1 resource/)).toBeVisible();
    const grafanaId = await objectId("resource", "Grafana");
    const grant = (await sim.resource(grafanaId))!.access.edges.find((e) => e.node.id === groupId);
    expect(grant?.securityPolicy?.name).toBe("Require MFA");
    await expect(page.getByTestId("group-resource-row").filter({ hasText: "Grafana" })).toContainText("Require MFA");

    await page.getByTestId("group-delete").click();
    await expect(page.getByTestId("confirm-button")).toBeDisabled();
    await page.getByTestId("confirm-text").fill(name);
    await page.getByTestId("confirm-button").click();
    await expect(page.getByText(`Twingate: group ${name} deleted.`)).toBeVisible();
    expect(await sim.group(groupId)).toBeNull();
    expect(
      await prisma.vendorObject.count({
        where: { tenantId: tenant.id, kind: "group", vendorId: groupId, deletedAt: null },
      }),
    ).toBe(0);
  },
);

test(
  "an admin grants access with a policy and expiry, replaces access after seeing who loses it, and removes a grant; " +
    "Twingate's refusal is shown verbatim",
  async ({ page }) => {
    await asAdmin(page);
    const { prisma, tenant, sim } = await twingateDemo();
    const contractors = await objectId("group", "Contractors");
    // A seeded resource that Contractors cannot reach yet (the seed gives each resource a random group).
    let resourceName = "";
    let resourceId = "";
    for (const name of ["Payroll", "Production VPC", "File Server", "Remote Desktop Farm"]) {
      resourceId = await objectId("resource", name);
      resourceName = name;
      if (!(await sim.resource(resourceId))!.access.edges.some((e) => e.node.id === contractors)) break;
    }
    // Settled, so that the selects below are already React's (a change before hydration can be lost).
    await page.goto(`/twingate/resources/${encodeURIComponent(resourceId)}`, { waitUntil: "networkidle" });
    const before = (await sim.resource(resourceId))!.access.edges.map((e) => e.node.name);

    await page.getByLabel("Group or service account").selectOption({ label: "Contractors" });
    await page.getByLabel("Security policy").selectOption({ label: "Trusted Devices Only" });
    await page.getByLabel("Expires (your time)").fill("2030-01-02T03:04");
    await page.getByTestId("access-add").click();
    await expect(page.getByText("Twingate: Contractors can now reach this resource.")).toBeVisible();
    const row = page.getByTestId("access-row").filter({ hasText: "Contractors" });
    await expect(row).toContainText("Trusted Devices Only");
    await expect(row).toContainText("2030-01-02");
    const grant = (await sim.resource(resourceId))!.access.edges.find((e) => e.node.id === contractors);
    expect(grant?.securityPolicy?.name).toBe("Trusted Devices Only");
    expect(grant?.expiresAt?.slice(0, 10)).toBe("2030-01-02");

    // A service account takes no policy: Twingate says so, and the console shows its words.
    const ciRunner = await objectId("service_account", "CI Runner");
    const body = await callServerAction(page, "lib/twingate/resource-actions.ts", "addTwingateResourceAccess", {
      tenantId: tenant.id,
      resourceId,
      grants: [{ principalId: ciRunner, securityPolicyId: await objectId("security_policy", "Require MFA") }],
    });
    expect(body).toContain(
      "Twingate refused: Security Policies and expiry can only be set for Groups, not for Service Accounts.",
    );

    // Replace: keep only Contractors; the confirmation names everyone else.
    const form = page.getByTestId("access-set-form");
    for (const name of before) await form.getByLabel(new RegExp(`^${name}`)).uncheck();
    await page.getByTestId("access-set").click();
    const summary = page.getByTestId("access-set-summary");
    for (const name of before) await expect(summary).toContainText(name);
    await page.getByTestId("confirm-button").click();
    await expect(page.getByText(`Twingate: access replaced; ${before.length} removed.`)).toBeVisible();
    await expect(page.getByTestId("access-row")).toHaveCount(1);
    const after = (await sim.resource(resourceId))!.access.edges;
    expect(after.map((e) => e.node.name)).toEqual(["Contractors"]);
    expect(after[0]!.securityPolicy?.name).toBe("Trusted Devices Only");
    expect(
      await prisma.vendorEdge.count({
        where: { tenantId: tenant.id, kind: "resource_access", fromId: resourceId, deletedAt: null },
      }),
    ).toBe(1);

    await row.getByTestId("access-remove").click();
    await page.getByTestId("confirm-button").click();
    await expect(page.getByText(`Twingate: Contractors can no longer reach ${resourceName}.`)).toBeVisible();
    expect((await sim.resource(resourceId))!.access.edges).toHaveLength(0);
  },
);

test("an admin edits a resource's alias, visibility, security policy and ports", async ({ page }) => {
  await asAdmin(page);
  const { sim } = await twingateDemo();
  const resourceId = await objectId("resource", "Intranet");
  await page.goto(`/twingate/resources/${encodeURIComponent(resourceId)}`);
  await page.getByTestId("resource-edit-open").click();
  const form = page.getByTestId("resource-edit-form");
  await form.getByLabel("Alias").fill("intranet.example");
  await form.getByLabel("Visible in the client").uncheck();
  await form.getByLabel("Security policy").selectOption({ label: "Require MFA" });
  await form.getByLabel("TCP", { exact: true }).selectOption("RESTRICTED");
  await form.getByLabel("TCP ports").fill("443, 8000-8100");
  await form.getByTestId("form-submit").click();
  await expect(page.getByText("Twingate: resource saved.")).toBeVisible();
  await expect(page.getByTestId("resource-settings")).toContainText("443, 8000-8100");
  const r = (await sim.resource(resourceId))!;
  expect(r).toMatchObject({ alias: "intranet.example", isVisible: false, securityPolicy: { name: "Require MFA" } });
  expect(r.protocols.tcp).toEqual({
    policy: "RESTRICTED",
    ports: [
      { start: 443, end: 443 },
      { start: 8000, end: 8100 },
    ],
  });
});

test("Twingate refuses to delete a remote network with resources, and deletes an empty one", async ({ page }) => {
  await asAdmin(page);
  const { sim } = await twingateDemo();
  await page.goto("/twingate/remote-networks");
  const office = page.getByTestId("rn-row").filter({ hasText: "Head Office" });
  await office.getByTestId("rn-delete").click();
  await expect(page.getByRole("dialog")).toContainText("Twingate refuses to delete it");
  await page.getByTestId("confirm-text").fill("Head Office");
  await page.getByTestId("confirm-button").click();
  await expect(
    page.getByText("Twingate refused: Delete all of a Remote Network's Resources before deleting the Remote Network."),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  const lab = page.getByTestId("rn-row").filter({ hasText: "Lab" });
  const labId = await objectId("remote_network", "Lab");
  await lab.getByTestId("rn-delete").click();
  await page.getByTestId("confirm-text").fill("Lab");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Twingate: remote network Lab deleted.")).toBeVisible();
  await expect(page.getByTestId("rn-row").filter({ hasText: "Lab" })).toHaveCount(0);
  expect(await sim.remoteNetwork({ id: labId })).toBeNull();
});

test("an admin renames a connector and turns its notifications off", async ({ page }) => {
  await asAdmin(page);
  const { sim } = await twingateDemo();
  const connectorId = await objectId("connector", "quiet-heron");
  await page.goto("/twingate/connectors");
  await page.getByTestId("connector-row").filter({ hasText: "quiet-heron" }).getByTestId("connector-edit-open").click();
  const form = page.getByTestId("connector-edit-form");
  await form.getByLabel("Name").fill("quiet-heron-2");
  await form.getByLabel(/Email admins/).uncheck();
  await form.getByTestId("form-submit").click();
  await expect(page.getByText("Twingate: connector quiet-heron-2 saved; status notifications off.")).toBeVisible();
  expect(await sim.connector(connectorId)).toMatchObject({
    name: "quiet-heron-2",
    hasStatusNotificationsEnabled: false,
  });
});

test("an admin creates a service key, sees its token once, revokes it and deletes it", async ({ page }) => {
  await asAdmin(page);
  const { prisma, tenant, sim } = await twingateDemo();
  await page.goto("/twingate/service-accounts");
  const card = page.getByTestId("sa-card").filter({ hasText: "Backup Agent" });
  await card.getByTestId("key-create-open").click();
  const form = page.getByTestId("key-create-form");
  await form.getByLabel("Key name").fill("e2e-key");
  await form.getByLabel("Expires after (days)").fill("30");
  await form.getByTestId("form-submit").click();
  const token = await page.getByTestId("key-token").inputValue();
  expect(token.length).toBeGreaterThan(20);
  const created = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "twingate.service_account_key.created", outcome: "success" },
    orderBy: { seq: "desc" },
  });
  expect(JSON.stringify([created.before, created.after, created.targets, created.reason])).not.toContain(token);
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);

  const keyRow = page.getByTestId("key-row").filter({ hasText: "e2e-key" });
  await keyRow.getByTestId("key-revoke").click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Twingate: key e2e-key revoked.")).toBeVisible();
  await expect(keyRow).toContainText("revoked");
  const keyId = (
    await prisma.vendorObject.findFirstOrThrow({
      where: { tenantId: tenant.id, kind: "service_account_key", name: "e2e-key" },
    })
  ).vendorId;
  expect((await sim.serviceAccountKey({ id: keyId }))?.status).toBe("REVOKED");
  await keyRow.getByTestId("key-delete").click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Twingate: key e2e-key deleted.")).toBeVisible();
  await expect(keyRow).toHaveCount(0);
});

test(
  "network-wide changes are refused to an operator and member changes to a viewer, with nothing sent and a denied " +
    "event",
  async ({ page }) => {
    const { prisma, tenant, sim } = await twingateDemo();
    const operator = await createStaff("operator", [tenant.id]);
    await signIn(page, operator.email, operator.password);
    await ensureTwingateSynced(page, tenant.id);
    const resourceId = await objectId("resource", "File Server");
    const contractors = await objectId("group", "Contractors");
    await page.goto(`/twingate/resources/${encodeURIComponent(resourceId)}`);
    await expect(page.getByTestId("access-add-form")).toHaveCount(0);
    const before = (await sim.resource(resourceId))!.access.totalCount;
    const body = await callServerAction(page, "lib/twingate/resource-actions.ts", "addTwingateResourceAccess", {
      tenantId: tenant.id,
      resourceId,
      grants: [{ principalId: contractors }],
    });
    expect(body).toContain("may not do this");
    expect((await sim.resource(resourceId))!.access.totalCount).toBe(before);
    expect(
      (
        await prisma.auditEvent.findFirstOrThrow({
          where: { actorId: operator.id, action: "twingate.resource.access_added" },
          orderBy: { seq: "desc" },
        })
      ).outcome,
    ).toBe("denied");

    const viewer = await createStaff("viewer", [tenant.id]);
    await page.context().clearCookies();
    await signIn(page, viewer.email, viewer.password);
    await page.goto(`/twingate/groups/${encodeURIComponent(contractors)}`);
    await expect(page.getByTestId("member-row").first()).toBeVisible();
    await expect(page.getByTestId("member-remove")).toHaveCount(0);
    const user = await prisma.twingateUser.findFirstOrThrow({ where: { tenantId: tenant.id, deletedAt: null } });
    const denied = await callServerAction(page, "lib/twingate/group-actions.ts", "addTwingateGroupMembers", {
      tenantId: tenant.id,
      groupId: contractors,
      userIds: [user.vendorId],
    });
    expect(denied).toContain("may not do this");
    expect(
      (
        await prisma.auditEvent.findFirstOrThrow({
          where: { actorId: viewer.id, action: "twingate.group.members_added" },
          orderBy: { seq: "desc" },
        })
      ).outcome,
    ).toBe("denied");
  },
);

test("an admin assigns a security policy to a group from the policies page and takes it off again", async ({
  page,
}) => {
  await asAdmin(page);
  const { prisma, tenant, sim } = await twingateDemo();
  const groupId = await objectId("group", "Contractors");
  await page.goto("/twingate/security-policies", { waitUntil: "networkidle" });
  const card = page.getByTestId("policy-card").filter({ hasText: "Trusted Devices Only" });
  await card.getByLabel("Assign to group").selectOption({ label: "Contractors" });
  await card.getByTestId("policy-group-add").click();
  await expect(page.getByRole("dialog")).toContainText("re-points every resource the group reaches");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Twingate: Contractors now uses Trusted Devices Only.")).toBeVisible();
  await expect(card.getByTestId("policy-groups")).toContainText("Contractors");
  expect((await sim.group(groupId))?.securityPolicy.name).toBe("Trusted Devices Only");
  const policyId = await objectId("security_policy", "Trusted Devices Only");
  expect(
    (await prisma.vendorObject.findFirstOrThrow({ where: { tenantId: tenant.id, kind: "group", vendorId: groupId } }))
      .attributes,
  ).toMatchObject({ securityPolicyId: policyId });

  await card.getByRole("button", { name: "Unassign Contractors" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Twingate: Contractors is back on the default policy.")).toBeVisible();
  expect((await sim.group(groupId))?.securityPolicy.name).toBe("Default Policy");
});

test("an admin changes a user's role after confirming, and undoes it", async ({ page }) => {
  await asAdmin(page);
  const { prisma, tenant, sim } = await twingateDemo();
  const user = await prisma.twingateUser.findFirstOrThrow({
    where: { tenantId: tenant.id, role: "MEMBER", deletedAt: null },
    orderBy: { emailNorm: "desc" },
  });
  await page.goto(`/twingate/users?q=${encodeURIComponent(user.email)}`);
  await page.getByTestId("table-row").filter({ hasText: user.email }).getByTestId("user-role-open").click();
  await expect(page.getByRole("dialog")).toContainText(`Change the role of ${user.email}`);
  await page.getByRole("dialog").getByLabel("New role").selectOption("SUPPORT");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText(`Twingate: ${user.email} is now Support.`)).toBeVisible();
  expect((await sim.user(user.vendorId))?.role).toBe("SUPPORT");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone.", { exact: true })).toBeVisible();
  expect((await sim.user(user.vendorId))?.role).toBe("MEMBER");
  expect((await prisma.twingateUser.findFirstOrThrow({ where: { id: user.id } })).role).toBe("MEMBER");
});

test("an admin creates a remote network, renames and relocates it, and creates a resource in it", async ({ page }) => {
  await asAdmin(page);
  const { sim } = await twingateDemo();
  const name = `E2E Net ${Date.now()}`;
  await page.goto("/twingate/remote-networks");
  await page.getByTestId("rn-create-open").click();
  const create = page.getByTestId("rn-create-form");
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Location").selectOption("AWS");
  await create.getByTestId("form-submit").click();
  await expect(page.getByText(`Twingate: remote network ${name} created.`)).toBeVisible();
  const networkId = await objectId("remote_network", name);
  expect((await sim.remoteNetwork({ id: networkId }))?.location).toBe("AWS");

  await page.getByTestId("rn-row").filter({ hasText: name }).getByTestId("rn-edit-open").click();
  const edit = page.getByTestId("rn-edit-form");
  await edit.getByLabel("Name").fill(`${name} B`);
  await edit.getByLabel("Location").selectOption("AZURE");
  await edit.getByTestId("form-submit").click();
  await expect(page.getByText("Twingate: remote network saved.")).toBeVisible();
  await expect(page.getByTestId("rn-row").filter({ hasText: `${name} B` })).toContainText("azure");
  expect(await sim.remoteNetwork({ id: networkId })).toMatchObject({ name: `${name} B`, location: "AZURE" });

  await page.goto("/twingate/resources");
  await page.getByTestId("resource-create-open").click();
  const form = page.getByTestId("resource-create-form");
  await form.getByLabel("Name").fill("E2E Wiki");
  await form.getByLabel("Remote network").selectOption({ label: `${name} B` });
  await form.getByLabel("Address").fill("wiki.corp.example");
  await form.getByLabel("Alias").fill("wiki.example");
  await form.getByLabel("Browser shortcut").check();
  await form.getByLabel("UDP", { exact: true }).selectOption("RESTRICTED");
  await form.getByLabel("UDP ports").fill("53");
  await form.getByTestId("form-submit").click();
  await expect(page.getByText("Twingate: resource E2E Wiki created.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Resource E2E Wiki/ })).toBeVisible();
  const created = (await sim.resource(await objectId("resource", "E2E Wiki")))!;
  expect(created).toMatchObject({
    alias: "wiki.example",
    isBrowserShortcutEnabled: true,
    address: { value: "wiki.corp.example" },
    remoteNetwork: { id: networkId },
  });
  expect(created.protocols.udp).toEqual({ policy: "RESTRICTED", ports: [{ start: 53, end: 53 }] });
});

test("an admin creates, renames and deletes a service account", async ({ page }) => {
  await asAdmin(page);
  const { sim } = await twingateDemo();
  const name = `E2E SA ${Date.now()}`;
  await page.goto("/twingate/service-accounts");
  await page.getByTestId("sa-create-open").click();
  await page.getByTestId("sa-create-form").getByLabel("Name").fill(name);
  await page.getByTestId("sa-create-form").getByTestId("form-submit").click();
  await expect(page.getByText(`Twingate: service account ${name} created.`)).toBeVisible();
  const id = await objectId("service_account", name);
  const card = page.getByTestId("sa-card").filter({ hasText: name });
  await card.getByRole("button", { name: `Rename ${name}` }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(`${name} renamed`);
  await page.getByRole("dialog").getByTestId("form-submit").click();
  await expect(page.getByText(`Twingate: service account renamed to ${name} renamed.`)).toBeVisible();
  expect((await sim.serviceAccount(id))?.name).toBe(`${name} renamed`);
  const renamed = page.getByTestId("sa-card").filter({ hasText: `${name} renamed` });
  await renamed.getByTestId("sa-delete").click();
  await page.getByTestId("confirm-text").fill(`${name} renamed`);
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText(`Twingate: service account ${name} renamed deleted.`)).toBeVisible();
  await expect(page.getByTestId("sa-card").filter({ hasText: `${name} renamed` })).toHaveCount(0);
  expect(await sim.serviceAccount(id)).toBeNull();
});

test("an admin approves one access request and rejects another; each leaves Twingate's list, named in the log", async ({
  page,
}) => {
  const admin = await asAdmin(page);
  const { prisma, sim } = await twingateDemo();
  const [first, second] = await sim.accessRequests();
  expect(second).toBeDefined();
  const name = (r: NonNullable<typeof first>) => `${r.user.firstName} ${r.user.lastName}`;
  await page.goto("/twingate/access-requests");
  const table = page.getByTestId("access-requests");
  await expect(table).toContainText(first!.user.email);
  await expect(table).toContainText(first!.resource.name);

  await page.getByRole("button", { name: `Approve ${name(first!)}'s request for ${first!.resource.name}` }).click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText(`Twingate: ${name(first!)} may reach ${first!.resource.name}.`)).toBeVisible();
  await page.getByRole("button", { name: `Reject ${name(second!)}'s request for ${second!.resource.name}` }).click();
  await page.getByTestId("confirm-button").click();
  await expect(
    page.getByText(`Twingate: ${name(second!)}'s request for ${second!.resource.name} rejected.`),
  ).toBeVisible();

  const open = (await sim.accessRequests()).map((r) => r.id);
  expect(open).not.toContain(first!.id);
  expect(open).not.toContain(second!.id);
  await expect(
    table.getByRole("button", { name: `Approve ${name(first!)}'s request for ${first!.resource.name}` }),
  ).toHaveCount(0);
  const approved = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: admin.id, action: "twingate.access_request.approved", outcome: "success" },
  });
  expect(approved.targets).toEqual([
    { type: "twingate_access_request", id: first!.id },
    { type: "twingate_user", id: first!.user.id, label: first!.user.email },
    { type: "twingate_resource", id: first!.resource.id, label: first!.resource.name },
  ]);
});
