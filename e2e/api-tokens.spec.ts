import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { db } from "./fixtures";
import { signInSynced } from "./jumpcloud-fixtures";

test("an admin creates an API token, a script reads the audit export with it, and a revoked token is refused", async ({
  page,
  playwright,
}) => {
  const { tenant } = await signInSynced(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "API tokens for scripts" }).click();
  const form = page.getByTestId("create-api-token");
  await form.getByLabel("Name").fill("Ticketing export");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByLabel(tenant.name).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-api-token");
  await expect(shown).toBeVisible();
  const token = (await shown.textContent())?.trim() ?? "";
  expect(token).toMatch(/^hdc_[a-z0-9]+_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("api-tokens")).toContainText("Ticketing export");

  // A script: no cookies, only the token.
  const script = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const auth = { authorization: `Bearer ${token}` };
  const res = await script.get("/api/audit/export?format=jsonl&action=api_token", { headers: auth });
  expect(res.status()).toBe(200);
  const events = (await res.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { action: string; targets: { label?: string }[] });
  expect(events.some((e) => e.action === "api_token.created" && e.targets[0]?.label === "Ticketing export")).toBe(true);
  const prisma = await db();
  const stored = await prisma.apiToken.findFirstOrThrow({
    where: { name: "Ticketing export" },
    orderBy: { createdAt: "desc" },
  });
  expect(stored.lastUsedAt).not.toBeNull();
  // The export is recorded as the token's: its owner, named with the token.
  const exported = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "audit.exported" },
    orderBy: { seq: "desc" },
  });
  expect(exported.actorName).toContain('(API token "Ticketing export")');

  await page.reload();
  await page.getByRole("button", { name: "Revoke Ticketing export" }).first().click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Ticketing export is revoked.")).toBeVisible();
  const refused = await script.get("/api/audit/export?format=jsonl", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toBe('Bearer error="invalid_token"');
  await script.dispose();
});
