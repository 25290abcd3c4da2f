import { expect, test } from "@playwright/test";
import { signInSynced, toast, vendorCall } from "./jumpcloud-fixtures";

// The first test of a run also syncs the tenant, on a machine shared with other work.
test.describe.configure({ timeout: 120_000 });

test("selected users are unlocked in one bulk job whose results are polled and shown", async ({ page }) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const two = await prisma.jumpcloudUser.findMany({
    where: { tenantId: tenant.id, deletedAt: null, state: "ACTIVATED" },
    orderBy: { email: "asc" },
    take: 2,
    skip: 12,
  });
  await page.goto("/jumpcloud/users");
  const table = page.getByTestId("jc-users-table");
  for (const u of two)
    await table.getByTestId("table-row").filter({ hasText: u.email }).getByLabel("Select row").check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  await page.getByTestId("bulk-unlock").click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText("to unlock 2 user(s)");
  await expect(page).toHaveURL(/\/jumpcloud\/bulk\?job=/);
  const jobId = new URL(page.url()).searchParams.get("job")!;
  const results = page.getByTestId(`job-results-${jobId}`);
  await expect(results.getByTestId("job-status")).toHaveText("Done: 2 finished, 0 failed.", { timeout: 20_000 });
  await expect(results.getByTestId("job-result")).toHaveCount(2);
  for (const u of two) await expect(results).toContainText(u.email);
});

test(
  "bulk-created users: one is created, a duplicate fails with " +
    "JumpCloud's message, and the cache gains the new user",
  async ({ page }) => {
    const { tenant, prisma } = await signInSynced(page, "operator");
    const existing = await prisma.jumpcloudUser.findFirstOrThrow({
      where: { tenantId: tenant.id, deletedAt: null },
      orderBy: { email: "asc" },
    });
    const stamp = Date.now();
    const email = `bulk.${stamp}@northwind.example`;
    await page.goto("/jumpcloud/bulk");
    // Pasted lines are read as CSV: a fifth cell or a stray quote is named by its line and nothing is sent.
    await page
      .getByTestId("bulk-create")
      .getByLabel("Users")
      .fill(
        `email,username,firstname,lastname\n${email},bulk${stamp},Bulk,Made,extra\n` +
          `\n${existing.email},dup${stamp},Dup"s,Licate`,
      );
    await page.getByTestId("bulk-create").getByRole("button", { name: "Start job" }).click();
    await expect(page.getByTestId("bulk-create-problems").getByRole("listitem")).toHaveText([
      "Line 2: 5 cells where at most 4 are read (email,username,firstname,lastname)",
      "Line 4: a quote inside an unquoted cell",
    ]);
    await expect(page).not.toHaveURL(/job=/);
    await page
      .getByTestId("bulk-create")
      .getByLabel("Users")
      .fill(
        `email,username,firstname,lastname\n${email},bulk${stamp},Bulk,Made\n${existing.email},dup${stamp},Dup,Licate`,
      );
    await page.getByTestId("bulk-create").getByRole("button", { name: "Start job" }).click();
    await expect(toast(page)).toContainText("to create 2 user(s)");
    let jobId = new URL(page.url()).searchParams.get("job");
    if (jobId === null) {
      await page.waitForURL(/job=/);
      jobId = new URL(page.url()).searchParams.get("job")!;
    }
    const results = page.getByTestId(`job-results-${jobId}`);
    await expect(results.getByTestId("job-status")).toHaveText("Done: 1 finished, 1 failed.", { timeout: 20_000 });
    await expect(results).toContainText(`email '${existing.email}' already exists`);
    await expect
      .poll(
        async () => (await prisma.jumpcloudUser.findFirst({ where: { tenantId: tenant.id, emailNorm: email } }))?.state,
      )
      .toBe("ACTIVATED");
  },
);

test("a scheduled suspension is accepted by JumpCloud, listed with its time, and cancelled by Undo", async ({
  page,
}) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, state: "ACTIVATED" },
    orderBy: { email: "desc" },
    skip: 8,
  });
  await page.goto("/jumpcloud/bulk");
  const card = page.getByTestId("bulk-states");
  await card.getByLabel(/^Emails/).fill(user.email);
  await card.getByLabel("New state").selectOption("SUSPENDED");
  await card.getByLabel("At (your local time)").fill("2031-01-15T09:30");
  await card.getByRole("button", { name: "Schedule" }).click();
  await expect(toast(page)).toContainText("JumpCloud scheduled 1 user(s) to become suspended");
  await expect(page.getByTestId("bulk-job").first()).toContainText(
    "Scheduled state change · 1 user(s) → suspended at 2031-01-15",
  );
  const scheduled = JSON.parse(
    await vendorCall(tenant.id, "GET", `/api/v2/bulk/userstates?userid=${user.vendorId}`),
  ) as { state: string }[];
  expect(scheduled).toEqual([expect.objectContaining({ state: "SUSPENDED" })]);
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(toast(page)).toContainText("Undone.");
  expect(JSON.parse(await vendorCall(tenant.id, "GET", `/api/v2/bulk/userstates?userid=${user.vendorId}`))).toEqual([]);
  // Unknown emails are refused before anything reaches JumpCloud.
  await card.getByLabel(/^Emails/).fill("nobody@nowhere.example");
  await card.getByLabel("At (your local time)").fill("2031-01-15T09:30");
  await card.getByRole("button", { name: "Schedule" }).click();
  await expect(toast(page)).toContainText(
    "Not JumpCloud users of this tenant (as of the last sync): nobody@nowhere.example",
  );
  const refused = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "jumpcloud.bulk.states_scheduled", outcome: "failure" },
    orderBy: { seq: "desc" },
  });
  expect(refused).toMatchObject({ vendor: "jumpcloud", tenantId: tenant.id });
});

test("scheduled state changes are listed from JumpCloud, whoever made them, and cancelled from the list", async ({
  page,
}) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, state: "ACTIVATED" },
    orderBy: { email: "desc" },
    skip: 9,
  });
  // Scheduled in JumpCloud's own console: the list is JumpCloud's, not the console's record.
  await vendorCall(tenant.id, "POST", "/api/v2/bulk/userstates", {
    user_ids: [user.vendorId],
    state: "SUSPENDED",
    start_date: "2032-02-01T08:00:00Z",
  });
  await page.goto("/jumpcloud/bulk");
  const list = page.getByTestId("scheduled-changes");
  const row = list.getByRole("row").filter({ hasText: user.email });
  await expect(row).toContainText("Suspended");
  await row.getByRole("button", { name: `Cancel ${user.email} becoming suspended` }).click();
  await page.getByTestId("confirm-button").click();
  await expect(toast(page)).toContainText(`JumpCloud: ${user.email} will not become suspended.`);
  await expect(list.getByRole("row").filter({ hasText: user.email })).toHaveCount(0);
  expect(JSON.parse(await vendorCall(tenant.id, "GET", `/api/v2/bulk/userstates?userid=${user.vendorId}`))).toEqual([]);
});

test("JumpCloud's bulk update job sets a pasted department, and Undo starts the job that sets it back", async ({
  page,
}) => {
  const { tenant, prisma } = await signInSynced(page, "operator");
  const user = await prisma.jumpcloudUser.findFirstOrThrow({
    where: { tenantId: tenant.id, deletedAt: null, state: "ACTIVATED" },
    orderBy: { email: "desc" },
    skip: 11,
  });
  const was = (user.raw as { department?: string }).department ?? "";
  await page.goto("/jumpcloud/bulk");
  const card = page.getByTestId("bulk-update");
  await card.getByLabel("Users to update").fill(`email,department\n${user.email},Bulk Audit`);
  await card.getByRole("button", { name: "Start job" }).click();
  await expect(toast(page)).toContainText("to update 1 user(s).");
  await expect(page.getByTestId("bulk-job").first()).toContainText("Update users · 1 user(s)");
  await expect
    .poll(async () => JSON.parse(await vendorCall(tenant.id, "GET", `/api/systemusers/${user.vendorId}`)).department)
    .toBe("Bulk Audit");
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(toast(page)).toContainText("Undone.");
  await expect
    .poll(async () => JSON.parse(await vendorCall(tenant.id, "GET", `/api/systemusers/${user.vendorId}`)).department)
    .toBe(was);
  await card.getByLabel("Users to update").fill("email,shoeSize\na@x.example,9");
  await card.getByRole("button", { name: "Start job" }).click();
  await expect(page.getByTestId("bulk-update-problems")).toContainText("Line 1: the first line names the columns");
});
