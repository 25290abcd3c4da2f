import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createStaff, db, signIn } from "./fixtures";

test("an unauthenticated visit goes to the sign-in page", async ({ page }) => {
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Helpdesk console" })).toBeVisible();
});

test("sign in and sign out", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Administrator");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  const events = await (await db()).auditEvent.findMany({
    where: { actorEmail: E2E_ADMIN.email },
    orderBy: { seq: "desc" },
    take: 2,
  });
  expect(events.map((e) => e.action)).toEqual(["staff.signed_out", "staff.signed_in"]);
});

test("a wrong password is refused with a clear message and audited", async ({ page }) => {
  const user = await createStaff("viewer", []);
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
  const ev = await (await db()).auditEvent.findFirstOrThrow({
    where: { action: "staff.sign_in_failed" },
    orderBy: { seq: "desc" },
  });
  expect(ev).toMatchObject({ outcome: "failure", reason: "wrong password", ip: "127.0.0.1" });
});

test("repeated failures throttle the account, even for the right password", async ({ page }) => {
  const user = await createStaff("viewer", []);
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`guess ${i}`);
    // Wait for each attempt's answer: the message from the previous one is already on screen.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    // React resets the form once the action has finished; typing before that would be wiped.
    await expect(page.getByLabel("Email")).toHaveValue("");
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  }
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toContainText("Too many failed sign-ins");
  await expect(page).toHaveURL(/\/login/);
});

test("a disabled account's open session ends at its next request", async ({ browser }) => {
  const user = await createStaff("viewer", []);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.email, user.password);
  await (await db()).staffUser.update({ where: { id: user.id }, data: { disabled: true } });
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login/);
});
