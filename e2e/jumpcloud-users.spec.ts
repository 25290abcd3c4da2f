import { expect, test } from "@playwright/test";
import { callServerAction } from "./fixtures";
import { setFaults, signInSynced, syncNow, toast, vendorCall } from "./jumpcloud-fixtures";

// The first test of a run also syncs the tenant, on a machine shared with other work.
test.describe.configure({ timeout: 120_000 });

test(
  "an operator finds a locked user, unlocks them; " + "the cache follows at once and the next sync sees no drift",
  async ({ page }) => {
    const { tenant, staff, prisma } = await signInSynced(page, "operator");
    // Lock someone at the vendor, as failed sign-ins would, and let a sync bring it in.
    const target = await prisma.jumpcloudUser.findFirstOrThrow({
      where: { tenantId: tenant.id, state: "ACTIVATED", deletedAt: null },
      orderBy: { email: "asc" },
      skip: 1,
    });
    await vendorCall(tenant.id, "PUT", `/api/systemusers/${target.vendorId}`, { account_locked: true });
    await syncNow(page);
    const locked = await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: target.id } });
    expect(locked.accountLocked).toBe(true);

    await page.goto("/jumpcloud/users?lock=locked");
    const table = page.getByTestId("jc-users-table");
    await expect(table.getByTestId("table-row").first()).toBeVisible();
    await table.getByLabel("Search email, username or name").fill(locked.email);
    await expect(page).toHaveURL(/q=/);
    await expect(table.getByTestId("table-row")).toHaveCount(1);
    await expect(table.getByTestId("table-row")).toContainText("locked");
    await table.getByTestId("user-link").click();
    await expect(page.getByTestId("user-status")).toContainText("locked");
    await page.getByTestId("user-actions").getByRole("button", { name: "Unlock" }).click();
    await page.getByTestId("confirm-button").click();
    await expect(toast(page)).toContainText(`${locked.email} is unlocked.`);
    await expect(page.getByTestId("user-lock")).toHaveText("no");
    const after = await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: locked.id } });
    expect(after.accountLocked).toBe(false);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: staff.id, action: "jumpcloud.user.unlocked", outcome: "success" },
    });
    expect(event.before).toMatchObject({ accountLocked: true });
    expect(event.after).toMatchObject({ accountLocked: false });

    // The cache row was written as the sync writes it: the next sync finds it unchanged.
    await syncNow(page);
    const drift = await prisma.auditEvent.count({
      where: {
        action: "jumpcloud.user.changed_externally",
        seq: { gt: event.seq },
        targets: { array_contains: [{ id: locked.vendorId }] },
      },
    });
    expect(drift).toBe(0);
    expect((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: locked.id } })).hash).toBe(after.hash);
  },
);

test("suspend, then Undo from the toast, reactivates the user", async ({ page }) => {
  const { tenant, staff, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, state: "ACTIVATED", accountLocked: false, deletedAt: null },
    orderBy: { email: "desc" },
  });
  await page.goto(`/jumpcloud/users/${user.vendorId}`);
  await page.getByTestId("user-actions").getByRole("button", { name: "Suspend" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText("is suspended in JumpCloud");
  await expect(page.getByTestId("user-state")).toHaveText("Suspended");
  expect((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: user.id } })).state).toBe("SUSPENDED");
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("user-state")).toHaveText("Active");
  expect((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: user.id } })).state).toBe("ACTIVATED");
  const undo = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: staff.id, action: "jumpcloud.user.reactivated", outcome: "success" },
  });
  expect(JSON.stringify(undo.targets)).toContain("audit_event");
});

test("reset MFA with an exclusion window; the window shows on the user", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, state: "ACTIVATED", mfaStatus: "ENROLLED", deletedAt: null },
    orderBy: { email: "asc" },
  });
  await page.goto(`/jumpcloud/users/${user.vendorId}`);
  await expect(page.getByTestId("user-exclusion")).toHaveText("none");
  await page.getByTestId("user-actions").getByRole("button", { name: "Reset MFA" }).click();
  await page.getByLabel("Exclusion window (days; 0 for none)").fill("3");
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText("must enrol again before");
  await expect(page.getByTestId("user-exclusion")).toContainText("until");
  const after = await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.totpEnabled).toBe(false);
  const until = Date.parse((after.raw as { mfa: { exclusionUntil: string } }).mfa.exclusionUntil);
  expect(Math.round((until - Date.now()) / 86_400_000)).toBe(3);
});

test("edit details, then a vendor refusal (email taken) is shown in JumpCloud's own words", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const [a, b] = await prisma.jumpcloudUser.findMany({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { email: "asc" },
    take: 2,
    skip: 5,
  });
  await page.goto(`/jumpcloud/users/${a!.vendorId}`);
  const form = page.getByTestId("user-details-form");
  await form.getByLabel("Job title").fill("Helpdesk test title");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(toast(page)).toContainText("Saved in JumpCloud: jobTitle.");
  expect(
    ((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: a!.id } })).raw as { jobTitle: string }).jobTitle,
  ).toBe("Helpdesk test title");
  // React resets the form after the action and the refresh re-renders it: type only once that has settled.
  await expect(form.getByLabel("Job title")).toHaveValue("Helpdesk test title");
  await page.waitForLoadState("networkidle");

  await form.getByLabel("Email").fill(b!.email);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(toast(page)).toContainText(`JumpCloud answered: email '${b!.email}' already exists (HTTP 400)`);
  expect((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: a!.id } })).email).toBe(a!.email);
  const failed = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "jumpcloud.user.updated", outcome: "failure" },
    orderBy: { seq: "desc" },
  });
  expect(failed.reason).toContain("already exists");
});

test("a rate-limited JumpCloud is reported with its wait, and nothing changes", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, passwordExpired: false },
    orderBy: { email: "asc" },
    skip: 10,
  });
  await page.goto(`/jumpcloud/users/${user.vendorId}`);
  await setFaults(tenant.id, { burst429: 5, retryAfterSeconds: 120 });
  try {
    await page.getByTestId("user-actions").getByRole("button", { name: "Expire password" }).click();
    await page.getByTestId("confirm-button").click();
    await expect(toast(page)).toContainText(
      "JumpCloud answered: Too Many Requests (HTTP 429). JumpCloud asks to wait 120 s",
    );
  } finally {
    await setFaults(tenant.id, { burst429: 0, retryAfterSeconds: 1 });
  }
  expect((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: user.id } })).passwordExpired).toBe(false);
});

test("a viewer sees users but no actions, and calling the action directly is denied and audited", async ({ page }) => {
  const { tenant, staff, prisma } = await signInSynced(page, "viewer");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, state: "ACTIVATED", deletedAt: null },
    orderBy: { email: "asc" },
    skip: 20,
  });
  await page.goto(`/jumpcloud/users/${user.vendorId}`);
  await expect(page.getByTestId("user-status")).toBeVisible();
  await expect(page.getByTestId("user-actions")).toHaveCount(0);
  const body = await callServerAction(page, "lib/jumpcloud/user-actions.ts", "suspendUser", {
    tenantId: tenant.id,
    userId: user.vendorId,
  });
  expect(body).toContain("may not do this");
  expect((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: user.id } })).state).toBe("ACTIVATED");
  const denied = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: staff.id, action: "jumpcloud.user.suspended" },
  });
  expect(denied.outcome).toBe("denied");
});

test("deleting a user is admin work: an operator is refused, an admin deletes after typing the email", async ({
  page,
}) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { email: "desc" },
    skip: 3,
  });
  const refused = await callServerAction(page, "lib/jumpcloud/user-actions.ts", "deleteUser", {
    tenantId: tenant.id,
    userId: user.vendorId,
    clearManagerOnReports: true,
  });
  expect(refused).toContain("needs admin");
  await page.context().clearCookies();
  await signInSynced(page, "admin");
  await page.goto(`/jumpcloud/users/${user.vendorId}`);
  await page.getByTestId("user-actions").getByRole("button", { name: "Delete" }).click();
  await page.getByLabel("If this user is someone's manager").check();
  await expect(page.getByTestId("confirm-button")).toBeDisabled();
  await page.getByTestId("confirm-text").fill(user.email);
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText("is deleted from JumpCloud");
  await expect(page).toHaveURL(/\/jumpcloud\/users$/);
  expect((await prisma.jumpcloudUser.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).not.toBeNull();
});

test("a staged user is activated, with JumpCloud's activation email", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const stamp = Date.now();
  const created = JSON.parse(
    await vendorCall(tenant.id, "POST", "/api/systemusers", {
      username: `staged${stamp}`,
      email: `staged.${stamp}@northwind.example`,
      state: "STAGED",
    }),
  ) as { _id: string; email: string };
  await syncNow(page);
  await page.goto(`/jumpcloud/users?state=STAGED&q=${encodeURIComponent(created.email)}`);
  await expect(page.getByTestId("jc-users-table").getByTestId("table-row")).toHaveCount(1);
  await page.getByTestId("user-link").click();
  await expect(page.getByTestId("user-state")).toHaveText("Staged");
  await page.getByTestId("user-actions").getByRole("button", { name: "Activate" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`${created.email} is activated.`);
  await expect(page.getByTestId("user-state")).toHaveText("Active");
  expect(
    (await prisma.jumpcloudUser.findFirstOrThrow({ where: { tenantId: tenant.id, vendorId: created._id } })).state,
  ).toBe("ACTIVATED");
});

test("a temporary password reaches JumpCloud, expired for the user to replace, and never the audit log", async ({
  page,
}) => {
  const { tenant, staff, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, state: "ACTIVATED", deletedAt: null },
    orderBy: { email: "desc" },
    skip: 3,
  });
  await page.goto(`/jumpcloud/users/${user.vendorId}`);
  await page.getByTestId("user-actions").getByRole("button", { name: "Set temporary password" }).click();
  const field = page.getByLabel("Password to give them");
  const suggested = await field.inputValue();
  expect(suggested).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  await field.fill("Hand-Over-2026!");
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`${user.email}'s password is set.`);
  const after = JSON.parse(await vendorCall(tenant.id, "GET", `/api/systemusers/${user.vendorId}`)) as {
    password_date?: string;
    password_expired: boolean;
  };
  expect(after.password_date).toBeTruthy();
  expect(after.password_expired).toBe(true);
  const events = await prisma.auditEvent.findMany({
    where: { actorId: staff.id, action: "jumpcloud.user.password_set" },
  });
  expect(events.map((e) => e.outcome)).toContain("success");
  expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("Hand-Over-2026!");
  expect(events.find((e) => e.outcome === "success")?.after).toMatchObject({ passwordSet: true, mustChange: true });
});
