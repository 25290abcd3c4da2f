import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { callServerAction, createStaff, createTenant, db, signIn } from "./fixtures";

test(
  "an admin searches the log, opens an event's before/after, " + "exports it, verifies the chain and sets retention",
  async ({ page }) => {
    const prisma = await db();
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    // Something with a before and an after: a tenant renamed through the settings page.
    const tenant = await createTenant(`Audit Co ${Date.now()}`);
    const admin = await prisma.staffUser.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } });
    await prisma.staffTenant.createMany({ data: [{ staffId: admin.id, tenantId: tenant.id }], skipDuplicates: true });
    await page.goto(`/settings/tenants/${tenant.id}`);
    await page.getByLabel("Tenant name").fill(`Renamed ${tenant.name}`);
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByText("Tenant renamed.")).toBeVisible();

    // Full-text search finds it by a word of the new name.
    const word = tenant.name.split(" ").pop()!;
    await page.goto("/audit");
    await page.getByLabel("Search").fill(`renamed ${word}`);
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.getByTestId("audit-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("tenant.renamed");

    // The event page shows the change as a diff.
    await rows.first().getByTestId("audit-event-link").click();
    await expect(page.getByTestId("audit-event-detail")).toContainText(E2E_ADMIN.email);
    const diff = page.getByTestId("audit-diff");
    await expect(diff).toContainText("name");
    await expect(diff).toContainText(`"${tenant.name}"`);
    await expect(diff).toContainText(`"Renamed ${tenant.name}"`);

    // Export of the same filter: a header and one event, in CSV and in JSON lines; the export is audited.
    const csv = await page.request.get(`/api/audit/export?q=${encodeURIComponent(`renamed ${word}`)}&format=csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("tenant.renamed");
    const jsonl = await page.request.get(`/api/audit/export?action=tenant.renamed&tenant=${tenant.id}&format=jsonl`);
    const events = (await jsonl.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(events).toEqual([
      expect.objectContaining({
        action: "tenant.renamed",
        after: { name: `Renamed ${tenant.name}` },
        hash: expect.any(String),
      }),
    ]);
    expect(
      await prisma.auditEvent.count({ where: { action: "audit.exported", actorEmail: E2E_ADMIN.email } }),
    ).toBeGreaterThanOrEqual(2);

    // Verify the chain from the page.
    await page.goto("/audit");
    await page.getByTestId("verify-chain").click();
    await expect(page.getByText(/Chain intact: [\d,]+ events verified\./)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("chain-last-check")).toContainText("Intact");

    // Retention: a period below the minimum is refused by the server too, a valid one saved and audited.
    expect(await callServerAction(page, "lib/audit/actions.ts", "saveAuditRetention", { days: 3 })).toContain(
      "At least 7 days",
    );
    await page.getByLabel("Keep events for (days)").fill("400");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Events older than 400 days will be archived, then pruned.")).toBeVisible();
    expect((await prisma.auditRetention.findUniqueOrThrow({ where: { id: 1 } })).days).toBe(400);
    await prisma.auditRetention.update({ where: { id: 1 }, data: { days: null } });
  },
);

test(
  "a viewer sees only their tenants' events, " + "in the page and in the export, and cannot verify or set retention",
  async ({ page }) => {
    const prisma = await db();
    const mine = await createTenant();
    const other = await createTenant();
    const viewer = await createStaff("viewer", [mine.id]);
    await signIn(page, viewer.email, viewer.password);
    await page.goto("/audit");
    await expect(page.getByTestId("chain-panel")).toHaveCount(0);
    const exported = await (await page.request.get(`/api/audit/export?format=jsonl&tenant=${other.id}`)).text();
    expect(exported.trim()).toBe("");
    const all = (await (await page.request.get("/api/audit/export?format=jsonl")).text())
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    // Tenant-less events: only the viewer's own (its sign-in); tenant events: only its tenant.
    for (const e of all) expect(e.tenantId === mine.id || (e.tenantId === null && e.actorId === viewer.id)).toBe(true);
    expect(all.some((e) => e.action === "staff.signed_in")).toBe(true);
    // The admin-only actions, called directly, are refused and recorded.
    expect(await callServerAction(page, "lib/audit/actions.ts", "saveAuditRetention", { days: 7 })).toContain(
      "may not do this",
    );
    expect(await callServerAction(page, "lib/audit/actions.ts", "verifyAuditChainNow", {})).toContain(
      "may not do this",
    );
    expect(
      await prisma.auditEvent.count({
        where: { actorId: viewer.id, outcome: "denied", action: { in: ["audit.retention_changed", "audit.verified"] } },
      }),
    ).toBe(2);
    expect(await prisma.auditRetention.findUnique({ where: { id: 1 } }).then((r) => r?.days ?? null)).toBeNull();
  },
);

test.describe("in a browser in Honolulu (UTC−10, no daylight saving)", () => {
  test.use({ timezoneId: "Pacific/Honolulu" });

  test(
    "times follow the browser's zone until the staff member chooses one under Settings, and the zone is named on " +
      "hover",
    async ({ page }) => {
      const viewer = await createStaff("viewer", []);
      await signIn(page, viewer.email, viewer.password);
      // The wall-clock time `hours` from UTC, as the console writes it (yyyy-mm-dd hh:mm:ss).
      const shifted = (iso: string, hours: number) =>
        new Date(Date.parse(iso) + hours * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

      await page.goto("/audit");
      const signedIn = page.getByTestId("audit-row").filter({ hasText: "staff.signed_in" }).locator("time");
      const iso = (await signedIn.getAttribute("datetime"))!;
      await expect(signedIn).toHaveAttribute("title", `${shifted(iso, -10)} Pacific/Honolulu (GMT-10:00)`);
      await expect(signedIn).toContainText(shifted(iso, -10));

      await page.goto("/settings");
      await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
      await page.getByRole("button", { name: "Save time zone" }).click();
      await expect(page.getByText("Time zone saved.")).toBeVisible();

      await page.goto("/audit");
      await expect(signedIn).toContainText(shifted(iso, 9));
      await expect(signedIn).toHaveAttribute("title", `${shifted(iso, 9)} Asia/Tokyo (GMT+09:00)`);
      await expect(page.getByTestId("audit-row").filter({ hasText: "staff.time_zone_changed" })).toHaveCount(1);
    },
  );
});
