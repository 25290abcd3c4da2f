import { expect, type Page, test } from "@playwright/test";
import { newTotpSecret, totpCode } from "../lib/second-factor/totp";
import { E2E_PORT } from "../playwright.config";
import { createStaff, db, signIn } from "./fixtures";

// Codes are computed here from the secret the page shows, as an app would.
// The code that confirmed an enrolment is spent, so a sign-in right after
// uses the next time step's code (accepted: one step of drift either way).
const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000);

// Each test signs in several times (scrypt, a production page each): more than the default allows on a busy two-core
// machine.
test.describe.configure({ timeout: 90_000 });

async function passwordStep(page: Page, email: string, password: string, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function enrolTotpInSettings(page: Page, password: string) {
  await page.goto("/settings");
  const section = page.getByTestId("totp-section");
  await section.getByRole("button", { name: "Set up an app" }).click();
  const dialog = page.getByTestId("totp-dialog");
  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog.getByTestId("totp-qr").locator("svg")).toBeVisible();
  const secret = (await dialog.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await dialog.getByLabel("Code from the app").fill(totpCode(secret));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
  const recoveryCodes = await dialog.getByTestId("recovery-code").allTextContents();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(section).toContainText("On since");
  return { secret, recoveryCodes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

const eventsOf = async (staffId: string) =>
  (await (await db()).auditEvent.findMany({ orderBy: { seq: "desc" }, take: 200 })).filter(
    (e) => e.actorId === staffId || JSON.stringify(e.targets).includes(staffId),
  );

test("an authenticator app set up in Settings is asked for after the password; no session before it", async ({
  page,
}) => {
  const user = await createStaff("viewer", []);
  await signIn(page, user.email, user.password);
  const { secret } = await enrolTotpInSettings(page, user.password);
  await signOut(page);

  await passwordStep(page, user.email, user.password, "/login?next=/audit");
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await expect(page.getByText(`Signing in as ${user.email}`)).toBeVisible();
  // The password alone made no session.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await page.goto("/login/second-factor");

  await page.getByLabel("Code from your authenticator app").fill(totpCode(newTotpSecret()));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("second-factor-error")).toContainText("not right");
  await page.getByLabel("Code from your authenticator app").fill(nextCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page).toHaveURL(/\/audit$/);

  const events = await eventsOf(user.id);
  expect(events.find((e) => e.action === "staff.totp.enrolled")).toMatchObject({
    outcome: "success",
    after: { recoveryCodes: 10 },
  });
  expect(events.find((e) => e.action === "staff.second_factor_failed")).toMatchObject({
    outcome: "failure",
    reason: "wrong code",
  });
  expect(events.find((e) => e.action === "staff.signed_in")).toMatchObject({ after: { method: "password+totp" } });
});

test("a recovery code signs in once when the app is not at hand", async ({ page }) => {
  const user = await createStaff("operator", []);
  await signIn(page, user.email, user.password);
  const { recoveryCodes } = await enrolTotpInSettings(page, user.password);
  await signOut(page);

  await passwordStep(page, user.email, user.password);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9 of 10 left");
  await signOut(page);

  await passwordStep(page, user.email, user.password);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("second-factor-error")).toContainText("already used");
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  const events = await eventsOf(user.id);
  expect(events.find((e) => e.action === "staff.recovery_code.used")).toMatchObject({
    outcome: "success",
    after: { remaining: 9 },
  });
});

test("with a factor required for their role, a user without one must set it up before reaching the console", async ({
  page,
  browser,
}) => {
  const prisma = await db();
  // Only an admin holding every tenant may set the requirement.
  const admin = await createStaff(
    "admin",
    (await prisma.tenant.findMany({ select: { id: true } })).map((t) => t.id),
  );
  const operator = await createStaff("operator", []);
  try {
    await signIn(page, admin.email, admin.password);
    await page.goto("/settings");
    const card = page.getByTestId("second-factor-policy");
    await card.getByLabel("Required for these roles:").check();
    await card.getByLabel("operator", { exact: true }).check();
    await card.getByRole("button", { name: "Save requirement" }).click();
    await expect(card).toContainText("Staff with the role operator must use a second factor");

    const other = await (await browser.newContext()).newPage();
    await passwordStep(other, operator.email, operator.password, "/login?next=/settings");
    await expect(other).toHaveURL(/\/login\/enrol$/);
    await other.goto("/settings");
    await expect(other).toHaveURL(/\/login(\?|$)/);
    await other.goto("/login/enrol");
    await other.getByRole("button", { name: "Set up the app" }).click();
    const secret = (await other.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await other.getByLabel("Code from the app").fill(totpCode(secret));
    await other.getByRole("button", { name: "Confirm" }).click();
    await expect(other.getByTestId("recovery-code")).toHaveCount(10);
    await other.getByRole("button", { name: "I have saved the codes: continue" }).click();
    await expect(other.getByTestId("signed-in-as")).toBeVisible();
    await expect(other).toHaveURL(/\/settings$/);

    // Their only factor cannot be removed while the role requires one.
    await other.getByTestId("totp-section").getByRole("button", { name: "Remove the app" }).click();
    await other.getByLabel("Your password").fill(operator.password);
    await other.getByRole("button", { name: "Remove", exact: true }).click();
    await expect(other.getByRole("alert").filter({ hasText: "must use a second factor" })).toBeVisible();

    const events = await eventsOf(operator.id);
    expect(events.find((e) => e.action === "staff.password_verified")).toMatchObject({ after: { next: "enrol" } });
    expect(events.find((e) => e.action === "staff.totp.enrolled")).toMatchObject({ after: { during: "sign_in" } });
    expect(events.find((e) => e.action === "staff.signed_in")).toMatchObject({ after: { method: "password+totp" } });
    expect(events.find((e) => e.action === "staff.totp.removed")).toMatchObject({ outcome: "failure" });
  } finally {
    // Console-wide: the other specs sign in accounts without a factor.
    await prisma.secondFactorPolicy.deleteMany();
  }
});

test("an admin resets a staff user's second factor, which signs them out", async ({ page, browser }) => {
  const user = await createStaff("viewer", []);
  const userPage = await (await browser.newContext()).newPage();
  await signIn(userPage, user.email, user.password);
  await enrolTotpInSettings(userPage, user.password);

  const admin = await createStaff("admin", []);
  await signIn(page, admin.email, admin.password);
  await page.goto("/settings/staff");
  const row = page.getByTestId("staff-row").filter({ hasText: user.email });
  await expect(row.getByTestId("staff-second-factor")).toHaveText("app");
  await row.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Reset second factor" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Second factor reset; they are signed out.")).toBeVisible();

  await userPage.goto("/settings");
  await expect(userPage).toHaveURL(/\/login/);
  const prisma = await db();
  expect(await prisma.staffTotp.count({ where: { staffId: user.id } })).toBe(0);
  expect((await eventsOf(user.id)).find((e) => e.action === "staff.second_factor.reset")).toMatchObject({
    actorId: admin.id,
    outcome: "success",
  });
  // With no factor (and none required) the password alone signs in again.
  await signIn(userPage, user.email, user.password);
});

test("a passkey added in Settings is the second step at the next sign-in", async ({ browser }) => {
  // Browsers refuse WebAuthn on an IP address: this test opens the console by host name.
  const context = await browser.newContext({ baseURL: `http://localhost:${E2E_PORT}` });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const user = await createStaff("operator", []);
  await signIn(page, user.email, user.password);
  await page.goto("/settings");
  const section = page.getByTestId("passkeys-section");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByTestId("passkey-dialog");
  await dialog.getByLabel("Name").fill("Virtual laptop");
  await dialog.getByLabel("Your password").fill(user.password);
  await dialog.getByRole("button", { name: "Create passkey" }).click();
  // The first factor comes with recovery codes.
  await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(section.getByTestId("passkey-row")).toContainText("Virtual laptop");
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);
  await signOut(page);

  await passwordStep(page, user.email, user.password);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  const passkey = await (await db()).staffPasskey.findFirstOrThrow({ where: { staffId: user.id } });
  expect(passkey).toMatchObject({ name: "Virtual laptop", lastUsedAt: expect.any(Date) });
  const events = await eventsOf(user.id);
  expect(events.find((e) => e.action === "staff.passkey.added")).toMatchObject({
    outcome: "success",
    after: { name: "Virtual laptop" },
  });
  expect(events.find((e) => e.action === "staff.signed_in")).toMatchObject({ after: { method: "password+passkey" } });
  await context.close();
});
