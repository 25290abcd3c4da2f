import { expect, type Page, test } from "@playwright/test";
import { words } from "../lib/format/words";
import { TruuClient } from "../lib/vendors/truu/client";
import { E2E_PORT } from "../playwright.config";
import { TRUU_SIM_CREDENTIALS } from "../sim/truu/credentials";
import { callServerAction, createStaff, createTenant, db, signIn } from "./fixtures";

async function demoTenant() {
  return (await db()).tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
}

/** Syncs the demo tenant's TruU cache from the simulator once (as the signed-in operator). */
async function ensureSynced(page: Page, tenantId: string) {
  const prisma = await db();
  if (await prisma.truuDevice.count({ where: { tenantId } })) return;
  await callServerAction(page, "lib/sync/actions.ts", "syncNow", { tenantId, vendor: "truu" });
  await expect
    .poll(
      async () =>
        (await prisma.syncRun.findFirst({ where: { tenantId, vendor: "truu" }, orderBy: { queuedAt: "desc" } }))
          ?.status,
      { timeout: 60_000 },
    )
    .toBe("succeeded");
}

async function simBase(tenantId: string) {
  return (
    await (await db()).vendorConnection.findUniqueOrThrow({ where: { tenantId_vendor: { tenantId, vendor: "truu" } } })
  ).baseUrl;
}
const truu = async (tenantId: string) =>
  new TruuClient({ baseUrl: await simBase(tenantId), credentials: { ...TRUU_SIM_CREDENTIALS } });
const live = async (tenantId: string, where: object = {}) =>
  (await db()).truuDevice.count({ where: { tenantId, deletedAt: null, ...where } });

test("an operator filters, searches, sorts and pages the devices table, and the URL holds it all", async ({ page }) => {
  const tenant = await demoTenant();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  const total = await live(tenant.id);
  await page.goto("/truu/devices");
  const range = page.getByTestId("table-range");
  await expect(range).toHaveText(`1–${Math.min(50, total)} of ${total}`);

  await page.getByRole("combobox", { name: "Type" }).selectOption("ANDROID");
  await expect(page).toHaveURL(/type=ANDROID/);
  const android = await live(tenant.id, { type: "ANDROID" });
  await expect(range).toHaveText(`1–${android} of ${android}`);
  await expect(page.getByTestId("table-row").first()).toContainText("Android");

  await page.getByRole("combobox", { name: "Assurance" }).selectOption("500");
  const certified = await live(tenant.id, { type: "ANDROID", assuranceLevel: 500 });
  await expect(range).toHaveText(certified ? `1–${certified} of ${certified}` : "0–0 of 0");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Type" })).toHaveValue("ANDROID");
  await expect(range).toHaveText(certified ? `1–${certified} of ${certified}` : "0–0 of 0");

  // Search by a user's UPN, from a clean URL.
  const someone = await (await db()).truuDevice.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { userUpn: "asc" },
  });
  await page.goto("/truu/devices");
  await page.getByRole("searchbox", { name: /Search device/ }).fill(someone.userUpn!.toUpperCase());
  await page.keyboard.press("Enter");
  const hisDevices = await live(tenant.id, { userUpn: someone.userUpn });
  await expect(range).toHaveText(`1–${hisDevices} of ${hisDevices}`);
  await expect(page.getByTestId("table-row").first()).toContainText(someone.userUpn!);
  // The row's user link opens the user page inside the app (no full page load: the marker survives).
  await page.evaluate(() => {
    (window as unknown as { stayed?: boolean }).stayed = true;
  });
  const userLink = page.getByTestId("table-row").first().getByRole("link");
  const href = await userLink.getAttribute("href");
  expect(href).toMatch(/^\/truu\/users\//);
  await userLink.click();
  await expect(page).toHaveURL((url) => url.pathname === href);
  await expect(page.getByTestId("user-devices")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // Sort by device name, then page with 25 per page.
  await page.goto("/truu/devices?size=25&sort=name&dir=asc");
  const first = await (await db()).truuDevice.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: [{ deviceName: "asc" }, { id: "asc" }],
  });
  await expect(page.getByTestId("table-row").first()).toContainText(first.deviceName!);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(range).toHaveText(`26–${Math.min(50, total)} of ${total}`);

  // The stale filter: nothing in the small simulator is older than its seed window of 180 days; any choice shows what
  // the cache says.
  await page.goto("/truu/devices?stale=7");
  const stale = await live(tenant.id, {
    OR: [{ lastHeardFrom: null }, { lastHeardFrom: { lt: new Date(Date.now() - 7 * 86_400_000) } }],
  });
  await expect(range).toHaveText(stale ? `1–${Math.min(50, stale)} of ${stale}` : "0–0 of 0");
});

test("saved views: an operator shares one with the tenant, a viewer applies it but may only save private ones", async ({
  page,
  browser,
}) => {
  const tenant = await demoTenant();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  await page.goto("/truu/devices?type=WINDOWS_TPM&sort=name&dir=asc&hide=os,app");
  const name = `Windows by name ${Date.now()}`;
  await page.getByRole("button", { name: "Save view" }).click();
  // What the view keeps, in words: the filter as its control reads, the sort, the hidden columns by name.
  const words = page.getByTestId("view-words");
  await expect(words).toContainText("Type: Windows (TPM)");
  await expect(words).toContainText("Sorted by Device, ascending");
  await expect(words).toContainText("Columns hidden: OS, App / SDK");
  await expect(words).not.toContainText("WINDOWS_TPM");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Share with everyone in this tenant").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`Saved the view "${name}".`)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Saved view" })).toHaveValue(/.+/);

  const viewer = await createStaff("viewer", [tenant.id]);
  const ctx = await browser.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const other = await ctx.newPage();
  try {
    await signIn(other, viewer.email, viewer.password);
    await other.goto("/truu/devices");
    const select = other.getByRole("combobox", { name: "Saved view" });
    await select.selectOption({ label: `${name} (shared)` });
    await expect(other).toHaveURL(/type=WINDOWS_TPM/);
    await expect(other).toHaveURL(/hide=os%2Capp|hide=os,app/);
    await expect(other.getByRole("combobox", { name: "Type" })).toHaveValue("WINDOWS_TPM");
    await expect(other.getByRole("columnheader", { name: "OS" })).toHaveCount(0);
    // Hidden columns leave no cells shown either: each row shows a cell per header shown (a column the table's
    // width drops is hidden in both).
    await expect(other.getByTestId("table-row").first().locator("td:visible")).toHaveCount(
      await other.getByRole("columnheader").count(),
    );
    // The viewer may not share, and may not delete someone else's shared view, even by calling the actions.
    await other.getByRole("button", { name: "Save view" }).click();
    await expect(other.getByLabel("Share with everyone in this tenant")).toHaveCount(0);
    await other.keyboard.press("Escape");
    const shared = await callServerAction(other, "lib/views/actions.ts", "saveTableView", {
      tenantId: tenant.id,
      table: "truu.devices",
      name: "mine",
      query: "type=ANDROID",
      shared: true,
    });
    expect(shared).toContain("may not do this: it needs operator");
    const view = await (await db()).tableView.findFirstOrThrow({ where: { name } });
    const del = await callServerAction(other, "lib/views/actions.ts", "deleteTableView", {
      tenantId: tenant.id,
      id: view.id,
    });
    expect(del).toContain("may not remove a view someone else shared");
    expect(await (await db()).tableView.count({ where: { id: view.id } })).toBe(1);
    const own = await callServerAction(other, "lib/views/actions.ts", "saveTableView", {
      tenantId: tenant.id,
      table: "truu.devices",
      name: "mine",
      query: "page=3&type=ANDROID",
      shared: false,
    });
    expect(own).toContain('"ok":true');
    expect(await (await db()).tableView.findFirstOrThrow({ where: { ownerId: viewer.id } })).toMatchObject({
      shared: false,
      query: "type=ANDROID",
    });
  } finally {
    await ctx.close();
  }
  // The operator removes the shared view.
  await page.getByRole("button", { name: `Delete view ${name}` }).click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText(`Deleted the view "${name}".`)).toBeVisible();
  expect(await (await db()).tableView.count({ where: { name } })).toBe(0);
});

test("export: every matching row as CSV, with the page's filters and checks", async ({ page }) => {
  const tenant = await demoTenant();
  const viewer = await createStaff("viewer", [tenant.id]);
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  const prisma = await db();
  const target = await prisma.truuDevice.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, type: "MAC_TPM" },
  });
  // A name that would be a formula in a spreadsheet (the next sync puts the real one back).
  await prisma.truuDevice.update({ where: { id: target.id }, data: { deviceName: '=HYPERLINK("http://evil","x")' } });
  await page.context().clearCookies();
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/truu/devices?type=MAC_TPM&size=25");
  const href = await page.getByTestId("export-csv").getAttribute("href");
  expect(href).toContain("type=MAC_TPM");
  expect(href).not.toContain("size=");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="truu-devices-.+\.csv"/);
  const lines = (await res.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toMatch(/^deviceId,deviceName,type,userUpn/);
  expect(lines.length - 1).toBe(await live(tenant.id, { type: "MAC_TPM" }));
  expect(lines.slice(1).every((l) => l.includes(",MAC_TPM,"))).toBe(true);
  const row = lines.find((l) => l.startsWith(target.vendorId))!;
  expect(row).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
  expect(await prisma.auditEvent.count({ where: { actorId: viewer.id, action: "truu.device.exported" } })).toBe(1);
  // Another tenant's devices are "not found"; without a session, nothing.
  const elsewhere = await createTenant(`Elsewhere ${Date.now()}`);
  expect((await page.request.get(`/api/truu/devices/export?tenantId=${elsewhere.id}`)).status()).toBe(404);
  await page.context().clearCookies();
  expect((await page.request.get(href!)).status()).toBe(401);
});

test("an operator deletes a device, then two at once; each goes at TruU, in the cache and the audit log", async ({
  page,
}) => {
  const tenant = await demoTenant();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  const prisma = await db();
  const client = await truu(tenant.id);
  await page.goto("/truu/devices?sort=name&dir=asc");
  const firstRow = page.getByTestId("table-row").first();
  const device = await prisma.truuDevice.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: [{ deviceName: "asc" }, { id: "asc" }],
  });
  await expect(firstRow).toContainText(device.deviceName!);
  await firstRow.getByTestId("delete-device").click();
  await expect(page.getByRole("dialog")).toContainText("cannot be undone");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText(`Deleted ${device.deviceName} at TruU.`)).toBeVisible();
  expect((await prisma.truuDevice.findUniqueOrThrow({ where: { id: device.id } })).deletedAt).not.toBeNull();
  await expect(client.getUserDevice(device.userGuid!, device.vendorId)).rejects.toMatchObject({ status: 404 });
  expect(
    await prisma.auditEvent.findFirst({
      where: { action: "truu.device.deleted", actorId: operator.id, outcome: "success" },
    }),
  ).toMatchObject({
    vendor: "truu",
    targets: expect.arrayContaining([expect.objectContaining({ type: "truu_device", id: device.vendorId })]),
  });
  await expect(page.getByTestId("table-row").first()).not.toContainText(device.deviceName!);

  // Multi-select: the next two rows.
  const next = await prisma.truuDevice.findMany({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: [{ deviceName: "asc" }, { id: "asc" }],
    take: 2,
  });
  const rows = page.getByTestId("table-row");
  await rows.nth(0).getByRole("checkbox", { name: "Select row" }).check();
  await rows.nth(1).getByRole("checkbox", { name: "Select row" }).check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  await page.getByTestId("delete-selected").click();
  const dialog = page.getByRole("dialog");
  for (const d of next) await expect(dialog.getByTestId("delete-list")).toContainText(d.deviceName!);
  await expect(page.getByTestId("confirm-button")).toBeDisabled();
  await page.getByTestId("confirm-text").fill("2");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText("Deleted 2 of 2 devices at TruU.")).toBeVisible();
  for (const d of next) {
    expect((await prisma.truuDevice.findUniqueOrThrow({ where: { id: d.id } })).deletedAt).not.toBeNull();
    await expect(client.getUserDevice(d.userGuid!, d.vendorId)).rejects.toMatchObject({ status: 404 });
  }
  expect(
    await prisma.auditEvent.count({
      where: { action: "truu.device.deleted", actorId: operator.id, outcome: "success" },
    }),
  ).toBe(3);
});

test("a user delete lists the devices that go, needs the UPN typed, and removes the user and devices", async ({
  page,
}) => {
  const tenant = await demoTenant();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  const prisma = await db();
  const devices = await prisma.truuDevice.groupBy({
    by: ["userGuid"],
    where: { tenantId: tenant.id, deletedAt: null },
    _count: true,
    orderBy: { _count: { userGuid: "desc" } },
    take: 1,
  });
  const guid = devices[0]!.userGuid!;
  const user = await prisma.truuUser.findUniqueOrThrow({
    where: { tenantId_vendorId: { tenantId: tenant.id, vendorId: guid } },
  });
  const his = await prisma.truuDevice.findMany({ where: { tenantId: tenant.id, userGuid: guid, deletedAt: null } });
  expect(his.length).toBeGreaterThan(1);
  await page.goto(`/truu/users?q=${encodeURIComponent(user.upn)}`);
  await expect(page.getByTestId("device-count").first()).toHaveText(String(his.length));
  await page.getByRole("link", { name: user.upn }).click();
  await expect(page.getByTestId("user-device-count")).toHaveText(String(his.length));
  await page.getByTestId("delete-user").click();
  const dialog = page.getByRole("dialog");
  for (const d of his) await expect(dialog.getByTestId("delete-list")).toContainText(d.deviceName!);
  await expect(dialog).toContainText("cannot be undone");
  await expect(page.getByTestId("confirm-button")).toBeDisabled();
  await page.getByTestId("confirm-text").fill(user.upn);
  await page.getByTestId("confirm-button").click();
  await expect(page.getByText(`Deleted ${user.upn} and ${his.length} devices at TruU.`)).toBeVisible();
  await expect(page).toHaveURL(/\/truu\/users$/);
  expect((await prisma.truuUser.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).not.toBeNull();
  expect(await live(tenant.id, { userGuid: guid })).toBe(0);
  await expect((await truu(tenant.id)).getDomainUser(guid)).rejects.toMatchObject({ status: 404 });
  const event = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "truu.user.deleted", actorId: operator.id, outcome: "success" },
  });
  expect((event.targets as { type: string }[]).filter((t) => t.type === "truu_device")).toHaveLength(his.length);
});

test("a TruU error reaches the operator in TruU's words and changes nothing", async ({ page }) => {
  const tenant = await demoTenant();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  const prisma = await db();
  const device = await prisma.truuDevice.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: [{ deviceName: "asc" }, { id: "asc" }],
  });
  const base = await simBase(tenant.id);
  await page.goto("/truu/devices?sort=name&dir=asc");
  await fetch(`${base}/__sim/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 1 }) });
  try {
    await page.getByTestId("table-row").first().getByTestId("delete-device").click();
    await page.getByTestId("confirm-button").click();
    await expect(page.getByText(/TruU answered: .*Internal Server Error.*HTTP 500/)).toBeVisible();
  } finally {
    await fetch(`${base}/__sim/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 0 }) });
  }
  expect((await prisma.truuDevice.findUniqueOrThrow({ where: { id: device.id } })).deletedAt).toBeNull();
  await expect((await truu(tenant.id)).getUserDevice(device.userGuid!, device.vendorId)).resolves.toMatchObject({
    deviceId: device.vendorId,
  });
  expect(
    await prisma.auditEvent.findFirst({
      where: { action: "truu.device.deleted", actorId: operator.id, outcome: "failure" },
    }),
  ).toMatchObject({ reason: expect.stringContaining("HTTP 500") });
});

test("a viewer sees no deletes and is refused when calling them directly; nothing changes", async ({ page }) => {
  const tenant = await demoTenant();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  const viewer = await createStaff("viewer", [tenant.id]);
  await page.context().clearCookies();
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/truu/devices");
  await expect(page.getByTestId("table-row").first()).toBeVisible();
  await expect(page.getByTestId("delete-device")).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Select row" })).toHaveCount(0);
  const prisma = await db();
  const device = await prisma.truuDevice.findFirstOrThrow({ where: { tenantId: tenant.id, deletedAt: null } });
  const body = await callServerAction(page, "lib/truu/delete-actions.ts", "deleteTruuDevice", {
    tenantId: tenant.id,
    deviceId: device.vendorId,
  });
  expect(body).toContain("may not do this");
  const userBody = await callServerAction(page, "lib/truu/delete-actions.ts", "deleteTruuUser", {
    tenantId: tenant.id,
    guid: device.userGuid,
    deviceIds: [],
  });
  expect(userBody).toContain("may not do this");
  expect((await prisma.truuDevice.findUniqueOrThrow({ where: { id: device.id } })).deletedAt).toBeNull();
  await expect((await truu(tenant.id)).getUserDevice(device.userGuid!, device.vendorId)).resolves.toMatchObject({
    deviceId: device.vendorId,
  });
  expect(
    await prisma.auditEvent.count({
      where: { actorId: viewer.id, action: { in: ["truu.device.deleted", "truu.user.deleted"] }, outcome: "denied" },
    }),
  ).toBe(2);
  await page.goto(`/truu/users/${encodeURIComponent(device.userGuid!)}`);
  await expect(page.getByTestId("user-devices")).toBeVisible();
  await expect(page.getByTestId("delete-user")).toHaveCount(0);
});

test("the overview charts and the assets search by IP and MAC", async ({ page }) => {
  const tenant = await demoTenant();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureSynced(page, tenant.id);
  const prisma = await db();
  await page.goto("/truu");
  const byType = await prisma.truuDevice.groupBy({
    by: ["type"],
    where: { tenantId: tenant.id, deletedAt: null },
    _count: true,
  });
  for (const t of byType)
    await expect(page.getByTestId("chart-type").getByRole("link", { name: words(t.type) })).toContainText(
      String(t._count),
    );
  await expect(page.getByTestId("stale-latest")).toContainText("latest:");
  await page.getByTestId("chart-assurance").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/truu\/devices\?assurance=\d+/);

  const asset = await prisma.truuAsset.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, macs: { isEmpty: false } },
  });
  await page.goto("/truu/assets");
  const search = page.getByRole("searchbox", { name: /IP or MAC/ });
  await search.fill(asset.ips[0]!);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("table-range")).toHaveText("1–1 of 1");
  await expect(page.getByTestId("table-row")).toContainText(asset.machineName!);
  await search.fill(asset.macs[0]!.toUpperCase().replace(/:/g, "-"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("table-row").first()).toContainText(asset.machineName!);
});
