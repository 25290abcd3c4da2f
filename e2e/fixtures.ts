import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { Role } from "../lib/auth/permissions";
import { hashPassword } from "../lib/crypto/password";
import { createPrismaClient, type Db } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { allTenantAdminIds } from "../lib/staff/guards";
import { E2E_DATA_DIR } from "../playwright.config";

let prisma: Db | null = null;

/** The running console's database (its embedded Postgres, joined through the data folder). */
export async function db(): Promise<Db> {
  if (!prisma) {
    const running = await startEmbeddedPostgres({ dataDir: E2E_DATA_DIR });
    prisma = createPrismaClient(running.url, 2);
  }
  return prisma;
}

let n = 0;
export async function createStaff(role: Role, tenantIds: string[], password = "e2e staff password 1") {
  const email = `${role}-${Date.now()}-${++n}@example.com`;
  const staff = await (await db()).staffUser.create({
    data: {
      email,
      name: `E2E ${role} ${n}`,
      role,
      passwordHash: await hashPassword(password),
      tenants: { create: tenantIds.map((tenantId) => ({ tenantId })) },
    },
  });
  return { id: staff.id, email, password };
}

/** A tenant as the console creates one: every admin who held every tenant is given it too (lib/tenants/actions.ts). */
export async function createTenant(name = `E2E Tenant ${Date.now()}-${++n}`) {
  const prisma = await db();
  const admins = await allTenantAdminIds(prisma);
  return prisma.tenant.create({ data: { name, staff: { create: admins.map((staffId) => ({ staffId })) } } });
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** The id Next.js gave a server action in the production build, to call it as any HTTP client could. */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

/** Calls a server action directly over HTTP with the page's cookies, bypassing the UI entirely. */
export async function callServerAction(page: Page, file: string, exportedName: string, arg: unknown): Promise<string> {
  const res = await page.request.post("/", {
    headers: {
      "Next-Action": serverActionId(file, exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify([arg]),
  });
  return res.text();
}

/**
 * Syncs vendors of a tenant through the real path (the syncNow action, the
 * job worker, the simulators) and waits for the runs to succeed, so a spec
 * starts from a filled cache. The page must be signed in as an operator or admin.
 */
export async function syncTenant(page: Page, tenantId: string, vendors: readonly string[]) {
  const prisma = await db();
  const since = new Date();
  for (const vendor of vendors) {
    const body = await callServerAction(page, "lib/sync/actions.ts", "syncNow", { tenantId, vendor });
    if (!body.includes('"ok":true')) throw new Error(`syncNow ${vendor} refused: ${body.slice(0, 300)}`);
  }
  await expect
    .poll(
      async () => {
        const runs = await prisma.syncRun.findMany({
          where: { tenantId, queuedAt: { gte: since } },
          select: { vendor: true, status: true, error: true },
        });
        const failed = runs.find((r) => r.status === "failed");
        if (failed) throw new Error(`sync ${failed.vendor} failed: ${failed.error}`);
        return vendors.every((v) => runs.some((r) => r.vendor === v && r.status === "succeeded"));
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
}
