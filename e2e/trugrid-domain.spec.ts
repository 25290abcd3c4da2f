import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { TRUGRID_SIM_API_KEY } from "../sim/trugrid/server";
import { callServerAction, createStaff, db, signIn } from "./fixtures";
import { ensureTrugridSynced, simSummary, trugridDemo } from "./trugrid-fixtures";

const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });

async function vendorGet(sim: string, route: string, query: Record<string, string>) {
  const res = await fetch(`${sim}/api/public/${route}?${new URLSearchParams(query)}`, {
    headers: { api_key: TRUGRID_SIM_API_KEY },
  });
  return res.json() as Promise<unknown>;
}

async function asAdmin(page: Page) {
  const demo = await trugridDemo();
  const admin = await createStaff("admin", [demo.tenant.id]);
  await signIn(page, admin.email, admin.password);
  await ensureTrugridSynced(page, demo.tenant.id);
  return { ...demo, admin };
}

test(
  "an admin syncs a user newly added in AD; the user reaches the users table, and an unknown UPN is refused in " +
    "TruGrid's words",
  async ({ page }) => {
    const { tenant, sim, domain } = await asAdmin(page);
    const [pending] = (await simSummary(sim, domain)).pendingUsers;
    const prisma = await db();
    expect(await prisma.trugridUser.count({ where: { tenantId: tenant.id, upn: pending, deletedAt: null } })).toBe(0);
    await page.goto("/trugrid/directory");
    await page.getByLabel("What to sync").selectOption("users");
    await page.getByLabel("Users (UPNs), one per line").fill(`${pending}\nnobody.here@${domain}`);
    await page.getByRole("button", { name: "Sync from AD (2)" }).click();
    const refusal = `Error. Reason: User 'nobody.here@${domain}' not found in domain '${domain}'.`;
    await expect(toast(page, "Users synced from AD for 1 of 2. TruGrid refused 1")).toBeVisible();
    await expect(page.getByTestId("item-result").filter({ hasText: pending })).toContainText("Success.");
    await expect(page.getByTestId("item-result").filter({ hasText: "nobody.here" })).toContainText(refusal);
    expect((await simSummary(sim, domain)).pendingUsers).not.toContain(pending);
    expect(await prisma.trugridUser.count({ where: { tenantId: tenant.id, upn: pending, deletedAt: null } })).toBe(1);
  },
);

test("an admin adds UPN suffixes: TruGrid's rule refuses a registered domain, and the console keeps a record", async ({
  page,
}) => {
  const { sim, domain } = await asAdmin(page);
  await page.goto("/trugrid/directory");
  await page.getByLabel("DNS names, one per line").fill(`partners.${domain}\n${domain}`);
  await page.getByRole("button", { name: "Add suffixes (2)" }).click();
  await expect(toast(page, "UPN suffix added for 1 of 2")).toBeVisible();
  await expect(
    page.getByTestId("item-result").filter({ hasText: `'${domain}' is a domain registered in TruGrid.` }),
  ).toBeVisible();
  expect((await simSummary(sim, domain)).upnSuffixes).toContain(`partners.${domain}`);
  await expect(page.getByTestId("suffix-history")).toContainText(`partners.${domain}: Success.`);
});

test("an admin forces AD and application refreshes and clears a group's application associations", async ({ page }) => {
  const { sim, domain } = await asAdmin(page);
  await page.goto("/trugrid/directory");
  await page.getByRole("button", { name: "Force AD refresh…" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page, `TruGrid accepted an Active Directory refresh of ${domain}`)).toBeVisible();
  await page.getByRole("button", { name: "Force application refresh…" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page, `TruGrid accepted an application refresh of ${domain}`)).toBeVisible();
  const s = await simSummary(sim, domain);
  expect(s.lastActiveDirectoryRefresh).not.toBeNull();
  expect(s.lastApplicationRefresh).not.toBeNull();
  expect(s.appAssociations["finance users"]).toBeDefined();

  await page.getByLabel("User groups, one per line").fill("Finance Users");
  await page.getByRole("button", { name: "Clear for these groups" }).click();
  await expect(toast(page, "Application associations cleared: Finance Users. TruGrid: Success.")).toBeVisible();
  expect((await simSummary(sim, domain)).appAssociations["finance users"]).toBeUndefined();
});

test("an admin assigns a machine group to a user group; an operator cannot, even by calling the action", async ({
  page,
}) => {
  const { tenant, sim, domain } = await asAdmin(page);
  await page.goto("/trugrid/assignments");
  await page.getByLabel("User UPN or user group").fill("Finance Users");
  await page.getByLabel("Machines or machine groups (comma-separated)").fill("Remote Desktop Farm");
  await page.getByRole("button", { name: "Assign" }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page, "Assignment created: Finance Users → Remote Desktop Farm. TruGrid: Success.")).toBeVisible();
  const a = (await simSummary(sim, domain)).assignments.find((x) => x.key === "Finance Users");
  expect(a?.targets).toContain("remote desktop farm");
  await expect(page.getByTestId("assignment-history")).toContainText("Finance Users → Remote Desktop Farm: Success.");

  await page.context().clearCookies();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await page.goto("/trugrid/directory");
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  const body = await callServerAction(page, "lib/trugrid/directory-actions.ts", "addUserMachineAssignments", {
    tenantId: tenant.id,
    assignments: [{ key: "HR Users", value: ["Remote Desktop Farm"] }],
  });
  expect(body).toContain("may not do this");
  expect((await simSummary(sim, domain)).assignments.find((x) => x.key === "HR Users")?.targets).not.toContain(
    "remote desktop farm",
  );
});

test("allow-lists show what TruGrid lists, export as CSV, and can be read again", async ({ page }) => {
  const { sim, domain } = await asAdmin(page);
  const ips = (await vendorGet(sim, "IpWhitelist", { domainName: domain })) as string[];
  await page.goto("/trugrid/allow-lists");
  await expect(page.getByTestId("allowed-ips").getByTestId("allow-list-value")).toHaveCount(ips.length);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export IP addresses as CSV" }).click();
  const file = await (await download).path();
  expect(readFileSync(file, "utf8").split("\r\n").filter(Boolean).sort()).toEqual(["ip", ...ips].sort());
  await page.getByRole("button", { name: "Read again from TruGrid" }).click();
  await expect(toast(page, `TruGrid lists ${ips.length} allowed IPs`)).toBeVisible();
});

test(
  "an operator looks up logon IPs for chosen users and the whole domain; " + "an unknown UPN gets TruGrid's refusal",
  async ({ page }) => {
    const { tenant, sim, domain } = await trugridDemo();
    const operator = await createStaff("operator", [tenant.id]);
    await signIn(page, operator.email, operator.password);
    await ensureTrugridSynced(page, tenant.id);
    const all = (await vendorGet(sim, "getUserLogonIp", { domainName: domain })) as {
      upn: string;
      web: string | null;
    }[];
    const two = all.slice(0, 2);
    await page.goto("/trugrid/logon-ips");
    await page.getByLabel("UPNs").fill(two.map((u) => u.upn).join("\n"));
    await page.getByRole("button", { name: "Look up 2 users" }).click();
    await expect(page.getByTestId("lookup-row")).toHaveCount(2);
    await expect(page.getByTestId("lookup-row").first()).toContainText(two[0]!.web ?? two[0]!.upn);

    await page.getByRole("button", { name: /^Whole domain/ }).click();
    await expect(page.getByTestId("lookup-row")).toHaveCount(all.length);

    await page.getByLabel("UPNs").fill(`ghost@${domain}`);
    await page.getByRole("button", { name: "Look up user" }).click();
    await expect(page.getByTestId("lookup-error")).toHaveText(
      `TruGrid answered: User 'ghost@${domain}' not found in domain '${domain}'. (HTTP 400)`,
    );
  },
);
