import { expect, type Page, type Response, test } from "@playwright/test";
import { createStaff, createTenant, db, signIn } from "./fixtures";

/**
 * Console errors and warnings about Content-Security-Policy or Permissions-Policy (an unknown feature is a warning),
 * and every securitypolicyviolation event.
 */
async function watchPolicyErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  // Injected by the browser driver, not as a page script, so the policy does not apply to it.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(
        `securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} ` +
          `at ${e.sourceFile}:${e.lineNumber}`,
      ),
    ),
  );
  page.on("console", (m) => {
    if (
      (m.type() === "error" || m.type() === "warning") &&
      /securitypolicyviolation|Content Security Policy|Permissions-Policy|nonce/i.test(m.text())
    )
      errors.push(m.text());
  });
  return errors;
}

/** The response's policy has a script nonce, and every <script> in its HTML carries exactly that nonce. */
async function expectNoncedPage(res: Response | null) {
  expect(res?.status()).toBe(200);
  const policy = res!.headers()["content-security-policy"];
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy!)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toMatch(/object-src 'none'/);
  expect(policy).toMatch(/frame-ancestors 'none'/);
  const scripts = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test(
  "pages carry a fresh nonce that every inline script has, " + "and run and respond to use without a policy violation",
  async ({ page }) => {
    const errors = await watchPolicyErrors(page);
    const prisma = await db();
    const demo = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
    const other = await createTenant();
    const admin = await createStaff("admin", [demo.id, other.id]);

    const loginNonce = await expectNoncedPage(await page.goto("/login"));
    await signIn(page, admin.email, admin.password);

    for (const path of ["/", "/people", "/settings", "/audit", "/truu/devices"]) {
      const nonce = await expectNoncedPage(await page.goto(path));
      expect(nonce).not.toBe(loginNonce);
      await expect(page.getByTestId("signed-in-as")).toBeVisible();
    }

    // Theme toggle: next-themes swaps classes and injects a short-lived <style>.
    await page.goto("/");
    const html = page.locator("html");
    await page.getByRole("button", { name: /^Theme: / }).click();
    await page.getByRole("button", { name: /^Theme: / }).click();
    await expect(html).toHaveClass(/dark|light/);

    // Quick finder (Ctrl+K), then a table sort and a tenant switch: client navigation and server actions.
    await page.keyboard.press("Control+k");
    await expect(page.getByLabel("Name, UPN or email")).toBeFocused();
    await page.getByLabel("Name, UPN or email").fill("a");
    await page.keyboard.press("Escape");
    await page.goto("/people");
    await page.getByTestId("people-table").getByRole("button", { name: "UPN / email" }).click();
    await expect(page).toHaveURL(/sort=email/);
    await page.getByLabel("Current tenant").selectOption(other.id);
    await expect(page.getByLabel("Current tenant")).toHaveValue(other.id);
    await page.getByLabel("Current tenant").selectOption(demo.id);
    await expect(page.getByLabel("Current tenant")).toHaveValue(demo.id);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(errors).toEqual([]);
  },
);

test("every response denies unused browser features but keeps passkeys, and plain http gets no HSTS", async ({
  request,
}) => {
  for (const path of ["/login", "/api/health", "/icon.svg"]) {
    const res = await request.get(path);
    const headers = res.headers();
    const policy = headers["permissions-policy"];
    expect(policy, path).toContain("camera=()");
    expect(policy).toContain("microphone=()");
    expect(policy).toContain("geolocation=()");
    expect(policy).toContain("payment=()");
    expect(policy).toContain("usb=()");
    expect(policy).toContain("publickey-credentials-get=(self)");
    expect(policy).toContain("publickey-credentials-create=(self)");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  // A client claiming https is not a trusted proxy: still no HSTS, no Secure-only cookie names.
  const res = await request.get("/api/auth/csrf", { headers: { "X-Forwarded-Proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toBeUndefined();
  expect(res.headers()["set-cookie"]).not.toMatch(/__Host-|Secure/);
});
