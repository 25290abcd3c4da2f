import { expect, request, test } from "@playwright/test";
import { createStaff, db } from "./fixtures";

// The e2e server trusts no proxy: the browser's and these requests' socket
// address, 127.0.0.1, is the client whatever X-Forwarded-For says.
const FORGED = {
  "X-Forwarded-For": "203.0.113.9, 198.51.100.7",
  "X-Console-Client": "203.0.113.10",
  "X-Real-IP": "203.0.113.11",
};

test("a sign-in with a forged X-Forwarded-For is audited with the real address", async ({ browser }) => {
  const user = await createStaff("viewer", []);
  const context = await browser.newContext({ extraHTTPHeaders: FORGED });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  const ev = await (await db()).auditEvent.findFirstOrThrow({
    where: { action: "staff.sign_in_failed", targets: { array_contains: [{ id: user.email }] } },
    orderBy: { seq: "desc" },
  });
  expect(ev.ip).toBe("127.0.0.1");
  await context.close();
});

test("failed sign-ins are throttled by the real address, however X-Forwarded-For changes", async ({ baseURL }) => {
  const prisma = await db();
  const limit = Number(process.env.CONSOLE_SIGNIN_MAX_PER_IP ?? 30);
  // Start from no failures for the address, and leave none for the specs after this one.
  await prisma.signInAttempt.deleteMany({ where: { ip: "127.0.0.1" } });
  try {
    // One request context per attempt, each with another forged address and an unknown account,
    // so that neither the forged address nor the account ever reaches a limit by itself.
    const prefix = `nobody-${Date.now()}-`;
    const attempt = async (i: number) => {
      const api = await request.newContext({
        baseURL,
        extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${i % 250}, 198.51.100.${i % 250}` },
      });
      const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await api.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: `${prefix}${i}@example.com`, password: "guess" },
        maxRedirects: 0,
      });
      await api.dispose();
      expect(res.status()).toBe(302);
      return new URL(res.headers().location!, baseURL).searchParams.get("code");
    };
    for (let i = 0; i < limit; i++) expect(await attempt(i)).toBe("credentials");
    expect(await attempt(limit)).toBe("throttled");
    const ev = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "staff.sign_in_failed" },
      orderBy: { seq: "desc" },
    });
    expect(ev).toMatchObject({ outcome: "denied", ip: "127.0.0.1" });
    expect(ev.reason).toContain("for this address");
    // Every failure was counted against 127.0.0.1, none against a forged address.
    expect(await prisma.signInAttempt.count({ where: { email: { startsWith: prefix }, ip: "127.0.0.1" } })).toBe(limit);
    expect(
      await prisma.signInAttempt.count({ where: { email: { startsWith: prefix }, ip: { not: "127.0.0.1" } } }),
    ).toBe(0);
  } finally {
    await prisma.signInAttempt.deleteMany({ where: { ip: "127.0.0.1" } });
  }
});
