import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { callServerAction, createStaff, createTenant, db, signIn } from "./fixtures";
import { ensureTrugridSynced, ordinaryUsers, trugridDemo } from "./trugrid-fixtures";

// The attacks of the security review, made as an attacker would: signed in as a low-reach
// account and calling server actions directly over HTTP, not through the console's pages.

test("a tenant-scoped admin cannot see, reset, promote or disable staff beyond its reach", async ({ page }) => {
  const prisma = await db();
  const mine = await createTenant();
  const theirs = await createTenant();
  const scoped = await createStaff("admin", [mine.id]);
  const elsewhere = await createStaff("operator", [theirs.id]);
  const owner = await prisma.staffUser.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } });
  await signIn(page, scoped.email, scoped.password);

  await page.goto("/settings/staff");
  await expect(page.getByTestId("staff-row").filter({ hasText: scoped.email })).toBeVisible();
  await expect(page.getByText(E2E_ADMIN.email)).toHaveCount(0);
  await expect(page.getByText(elsewhere.email)).toHaveCount(0);

  const before = await prisma.staffUser.findUniqueOrThrow({ where: { id: owner.id } });
  const reset = await callServerAction(page, "lib/staff/actions.ts", "resetStaffPassword", { staffId: owner.id });
  expect(reset).toContain("There is no such staff user.");
  expect(reset).not.toContain("generatedPassword");
  const after = await prisma.staffUser.findUniqueOrThrow({ where: { id: owner.id } });
  expect(after.passwordHash).toBe(before.passwordHash);

  const promote = await callServerAction(page, "lib/staff/actions.ts", "updateStaff", {
    staffId: elsewhere.id,
    name: "Mine now",
    role: "admin",
    tenantIds: [mine.id],
  });
  expect(promote).toContain('"ok":false');
  const disable = await callServerAction(page, "lib/staff/actions.ts", "updateStaff", {
    staffId: owner.id,
    name: "x",
    role: "viewer",
    tenantIds: [],
    disabled: true,
  });
  expect(disable).toContain('"ok":false');
  expect(await prisma.staffUser.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({
    role: "operator",
    name: expect.stringMatching(/^E2E/),
  });
  expect(await prisma.staffUser.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({
    role: "admin",
    disabled: false,
  });

  const denied = await prisma.auditEvent.findMany({
    where: { actorId: scoped.id, outcome: "denied" },
    orderBy: { seq: "asc" },
  });
  expect(denied.map((e) => e.action)).toEqual(["staff.password_reset", "staff.updated", "staff.updated"]);
});

test("a stored vendor key never goes to a base URL it was not entered for", async ({ page }) => {
  const seen: IncomingHttpHeaders[] = [];
  const attacker = createServer((req, res) => {
    seen.push(req.headers);
    res.end("[]");
  });
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", r));
  const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  try {
    const { tenant, domain } = await trugridDemo();
    const admin = await createStaff("admin", [tenant.id]);
    await signIn(page, admin.email, admin.password);
    const body = await callServerAction(page, "lib/tenants/actions.ts", "saveVendorConnection", {
      tenantId: tenant.id,
      vendor: "trugrid",
      baseUrl: attackerUrl,
      apiKey: "",
      domainName: domain,
    });
    expect(body).toContain("The base URL or the TruGrid account it names changed: enter the API key");
    await callServerAction(page, "lib/tenants/test-connection.ts", "testVendorConnection", {
      tenantId: tenant.id,
      vendor: "trugrid",
    });
    expect(seen).toEqual([]);
    const conn = await (await db()).vendorConnection.findFirstOrThrow({
      where: { tenantId: tenant.id, vendor: "trugrid" },
    });
    expect(conn.baseUrl).not.toBe(attackerUrl);
  } finally {
    attacker.close();
  }
});

test("an undo that names another tenant's event is refused and leaves that event undoable", async ({
  page,
  browser,
}) => {
  const { tenant, sim, domain } = await trugridDemo();
  const owner = await createStaff("operator", [tenant.id]);
  await signIn(page, owner.email, owner.password);
  await ensureTrugridSynced(page, tenant.id);
  // One no other spec turns MFA off for (they take the first two and the last).
  const upn = (await ordinaryUsers(tenant.id, sim, domain)).at(-2)!;
  const done = await callServerAction(page, "lib/trugrid/mfa-actions.ts", "turnOffMfa", {
    tenantId: tenant.id,
    upns: [upn],
  });
  expect(done).toContain('"ok":true');
  const prisma = await db();
  const event = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: owner.id, action: "trugrid.mfa.turned_off", outcome: "success" },
  });

  const elsewhere = await createTenant();
  const attacker = await createStaff("operator", [elsewhere.id]);
  const attackerPage = await (await browser.newContext()).newPage();
  await signIn(attackerPage, attacker.email, attacker.password);
  const forged = await callServerAction(attackerPage, "lib/trugrid/mfa-actions.ts", "turnOnMfa", {
    tenantId: elsewhere.id,
    upns: [upn],
    undoOf: event.id,
  });
  expect(forged).toContain("Not found.");
  const refusal = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: attacker.id },
    orderBy: { seq: "desc" },
  });
  expect(refusal).toMatchObject({
    action: "trugrid.mfa.turned_on",
    outcome: "denied",
    reason: expect.stringMatching(/audit scope/),
  });

  const undo = await callServerAction(page, "lib/undo/actions.ts", "undoAuditEvent", { eventId: event.id });
  expect(undo).toContain('"ok":true');
});

test("sign-in never leaves the console, whatever next= says", async ({ page, baseURL }) => {
  const user = await createStaff("viewer", []);
  const origin = new URL(baseURL!).origin;
  for (const next of [
    "//evil.example/",
    "/\\evil.example",
    "/\t/evil.example",
    "/..//evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
  ]) {
    const context = await page.context().browser()!.newContext();
    const p = await context.newPage();
    await p.goto(`/login?next=${encodeURIComponent(next)}`);
    await p.getByLabel("Email").fill(user.email);
    await p.getByLabel("Password").fill(user.password);
    await p.getByRole("button", { name: "Sign in" }).click();
    // Wherever the redirect goes (an unknown path is a 404 page, another origin would not load here), it must leave
    // /login.
    await p.waitForURL((u) => u.pathname !== "/login");
    expect(new URL(p.url()).origin, `next=${JSON.stringify(next)}`).toBe(origin);
    await context.close();
  }
});
