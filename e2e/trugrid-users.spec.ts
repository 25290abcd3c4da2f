import { expect, type Page, test } from "@playwright/test";
import { callServerAction, createStaff, db, signIn } from "./fixtures";
import { ensureTrugridSynced, ordinaryUsers, setFaults, simSummary, simUser, trugridDemo } from "./trugrid-fixtures";

async function openUser(page: Page, upn: string) {
  await page.goto(`/trugrid/users?q=${encodeURIComponent(upn)}`);
  await expect(page.getByTestId("user-upn")).toHaveText([upn]);
}

async function rowAction(page: Page, upn: string, item: string) {
  await page.getByRole("button", { name: `Actions for ${upn}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
  await page.getByTestId("confirm-button").click();
}

test(
  "an operator turns MFA off for a user, " + "sees TruGrid's answer and who set it, then undoes it from the toast",
  async ({ page }) => {
    const { tenant, sim, domain } = await trugridDemo();
    const operator = await createStaff("operator", [tenant.id]);
    await signIn(page, operator.email, operator.password);
    await ensureTrugridSynced(page, tenant.id);
    const upn = (await ordinaryUsers(tenant.id, sim, domain))[0]!;
    expect((await simUser(sim, domain, upn)).mfa).toBe("on");

    await openUser(page, upn);
    await expect(page.getByTestId("mfa-state")).toHaveText("unknown");
    await rowAction(page, upn, "Turn MFA off");
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: `MFA turned off: ${upn}. TruGrid: Success.` });
    await expect(toast).toBeVisible();
    await expect(page.getByTestId("mfa-state")).toContainText("off");
    await expect(page.getByTestId("mfa-state")).toContainText(/set here .* by E2E operator/);
    await expect(page.getByTestId("item-result")).toContainText("Success.");
    expect((await simUser(sim, domain, upn)).mfa).toBe("off");

    const prisma = await db();
    const done = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: operator.id, action: "trugrid.mfa.turned_off", outcome: "success" },
    });
    expect(done.before).toEqual({ [upn]: { mfa: "unknown", udp: "unknown" } });
    expect(done.after).toMatchObject({ statuses: { [upn]: "Success." }, succeeded: [upn] });

    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Undone.")).toBeVisible();
    expect((await simUser(sim, domain, upn)).mfa).toBe("on");
    await expect(page.getByTestId("mfa-state")).toContainText("on");
    const undo = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: operator.id, action: "trugrid.mfa.turned_on", outcome: "success" },
    });
    expect(undo.targets).toContainEqual({ type: "audit_event", id: done.id, label: "undo of this event" });
  },
);

test("TruGrid's refusal to turn MFA off for an Admin-role user reaches the operator verbatim", async ({ page }) => {
  const { tenant, sim, domain } = await trugridDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTrugridSynced(page, tenant.id);
  const [admin] = (await simSummary(sim, domain)).admins;

  await openUser(page, admin!);
  await rowAction(page, admin!, "Turn MFA off");
  const refusal = `Error. Reason: MFA cannot be turned off for user '${admin}' with an Admin role.`;
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: refusal })).toBeVisible();
  await expect(page.getByTestId("item-result")).toContainText(refusal);
  await expect(page.getByTestId("mfa-state")).toHaveText("unknown");
  expect((await simUser(sim, domain, admin!)).mfa).toBe("on");
  const ev = await (await db()).auditEvent.findFirstOrThrow({
    where: { actorId: operator.id, action: "trugrid.mfa.turned_off" },
    orderBy: { seq: "desc" },
  });
  expect(ev).toMatchObject({ outcome: "failure", reason: expect.stringContaining(refusal) });
});

test("a vendor error leaves the console's record unchanged and says what TruGrid answered", async ({ page }) => {
  const { tenant, sim, domain } = await trugridDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTrugridSynced(page, tenant.id);
  const upn = (await ordinaryUsers(tenant.id, sim, domain))[1]!;
  await openUser(page, upn);
  await setFaults(sim, { errorRate: 1 });
  try {
    await rowAction(page, upn, "Turn UDP on");
    await expect(
      page.locator("[data-sonner-toast]").filter({ hasText: "TruGrid answered: Internal Server Error (HTTP 500)" }),
    ).toBeVisible({ timeout: 30_000 });
  } finally {
    await setFaults(sim, { errorRate: 0 });
  }
  await expect(page.getByTestId("udp-state")).toHaveText("unknown");
  const ev = await (await db()).auditEvent.findFirstOrThrow({
    where: { actorId: operator.id, action: "trugrid.udp.enabled" },
    orderBy: { seq: "desc" },
  });
  expect(ev).toMatchObject({ outcome: "failure", reason: expect.stringContaining("HTTP 500") });
});

test("an operator turns UDP on for selected users, and undoes it from the audit log", async ({ page }) => {
  const { tenant, sim, domain } = await trugridDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTrugridSynced(page, tenant.id);
  const users = (await ordinaryUsers(tenant.id, sim, domain)).slice(2);
  const off = [];
  for (const u of users) if (!(await simUser(sim, domain, u)).udp) off.push(u);
  const chosen = off.slice(0, 2);
  expect(chosen).toHaveLength(2);

  await page.goto("/trugrid/users?size=200");
  for (const upn of chosen) {
    await page.getByTestId("table-row").filter({ hasText: upn }).getByRole("checkbox", { name: "Select row" }).check();
  }
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  await page.getByRole("button", { name: "Actions for the selected users" }).click();
  await page.getByRole("menuitem", { name: "Turn UDP on" }).click();
  await expect(page.getByRole("dialog")).toContainText("Turn RDP over UDP on for 2 users");
  await page.getByTestId("confirm-button").click();
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: "RDP over UDP turned on for 2. TruGrid: Success." }),
  ).toBeVisible();
  for (const upn of chosen) expect((await simUser(sim, domain, upn)).udp).toBe(true);
  await expect(page.getByTestId("table-row").filter({ hasText: chosen[0] }).getByTestId("udp-state")).toContainText(
    "on",
  );

  await page.goto("/audit");
  const row = page.getByTestId("audit-row").filter({ hasText: "trugrid.udp.enabled" }).first();
  await row.getByTestId("undo-event").click();
  await expect(page.getByText("Undone.")).toBeVisible();
  for (const upn of chosen) expect((await simUser(sim, domain, upn)).udp).toBe(false);
  // At once, without a reload: the event is marked undone and offers no second Undo.
  await expect(row.getByTestId("event-undone")).toBeVisible();
  await expect(row.getByTestId("undo-event")).toHaveCount(0);
});

test("an admin turns UDP off for the whole domain only after typing its name", async ({ page }) => {
  const { tenant, sim, domain } = await trugridDemo();
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);
  await ensureTrugridSynced(page, tenant.id);
  // The typed name is checked by the action too, not only by the dialog.
  const wrong = await callServerAction(page, "lib/trugrid/udp-actions.ts", "setDomainUdp", {
    tenantId: tenant.id,
    on: false,
    confirm: "not-the-domain.example",
  });
  expect(wrong).toContain(`Type the domain name (${domain}) to confirm.`);
  await page.goto("/trugrid/users");
  await page.getByRole("button", { name: "UDP off for the whole domain…" }).click();
  await expect(page.getByTestId("confirm-button")).toBeDisabled();
  await page.getByTestId("confirm-text").fill(domain);
  await page.getByTestId("confirm-button").click();
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: `RDP over UDP turned off for every user of ${domain}` }),
  ).toBeVisible();
  const [someone] = await ordinaryUsers(tenant.id, sim, domain);
  expect((await simUser(sim, domain, someone!)).udp).toBe(false);
  const state = await (await db()).trugridUserState.findUniqueOrThrow({
    where: { tenantId_upn: { tenantId: tenant.id, upn: someone!.toLowerCase() } },
  });
  expect(state).toMatchObject({ udpOn: false, udpSetBy: expect.any(String) });
});

test("a viewer sees the users but is refused when calling an action directly; nothing changes", async ({ page }) => {
  const { tenant, sim, domain } = await trugridDemo();
  const viewer = await createStaff("viewer", [tenant.id]);
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/trugrid/users");
  const prisma = await db();
  if ((await prisma.trugridUser.count({ where: { tenantId: tenant.id } })) > 0)
    await expect(page.getByTestId("user-upn").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  const [upn] = (await prisma.trugridUser.findMany({ where: { tenantId: tenant.id }, take: 1 })).map((u) => u.upn);
  const target = upn ?? `nobody@${domain}`;
  const before = await simUser(sim, domain, target).catch(() => null);
  const body = await callServerAction(page, "lib/trugrid/mfa-actions.ts", "turnOffMfa", {
    tenantId: tenant.id,
    upns: [target],
  });
  expect(body).toContain("may not do this");
  expect(await simUser(sim, domain, target).catch(() => null)).toEqual(before);
  const ev = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: viewer.id }, orderBy: { seq: "desc" } });
  expect(ev).toMatchObject({
    action: "trugrid.mfa.turned_off",
    outcome: "denied",
    reason: expect.stringContaining("viewer lacks trugrid.user.write"),
  });
});

test("resetting MFA with the phone clears enrolment and phone; TruGrid refuses a reset where MFA is off", async ({
  page,
}) => {
  const { tenant, sim, domain } = await trugridDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTrugridSynced(page, tenant.id);
  const users = await ordinaryUsers(tenant.id, sim, domain);
  const upn = users.at(-1)!;
  expect((await simUser(sim, domain, upn)).phone).not.toBeNull();
  await openUser(page, upn);
  await rowAction(page, upn, "Reset MFA and phone…");
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: `MFA and phone reset: ${upn}. TruGrid: Success.` }),
  ).toBeVisible();
  await expect(page.getByTestId("mfa-state")).toContainText(/reset here .* by E2E operator/);
  expect(await simUser(sim, domain, upn)).toMatchObject({ mfa: "unset", phone: null });
  const ev = await (await db()).auditEvent.findFirstOrThrow({
    where: { actorId: operator.id, action: "trugrid.mfa.reset", outcome: "success" },
  });
  expect(ev.after).toMatchObject({ resetPhone: true, statuses: { [upn]: "Success." } });

  const [off] = (await simSummary(sim, domain)).mfaOff;
  await openUser(page, off!);
  await rowAction(page, off!, "Reset MFA…");
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: `Error. Reason: MFA is turned off for user '${off}'.` }),
  ).toBeVisible();
});
