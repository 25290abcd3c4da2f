import { expect, type Page, test } from "@playwright/test";
import { createStaff, db, signIn } from "./fixtures";
import { ensureTrugridSynced, ordinaryUsers, simUser, trugridDemo } from "./trugrid-fixtures";

const requireReason = async (tenantId: string, required: boolean) =>
  (await db()).tenant.update({ where: { id: tenantId }, data: { requireChangeReason: required } });

async function turnMfaOff(page: Page, upn: string) {
  await page.goto(`/trugrid/users?q=${encodeURIComponent(upn)}`);
  await expect(page.getByTestId("user-upn")).toHaveText([upn]);
  await page.getByRole("button", { name: `Actions for ${upn}` }).click();
  await page.getByRole("menuitem", { name: "Turn MFA off" }).click();
}

test(
  "a tenant that requires a reason asks for it with each change; the reason reaches the audit log, its search, " +
    "the undo and the person page",
  async ({ page }) => {
    const { tenant, sim, domain } = await trugridDemo();
    const admin = await createStaff("admin", [tenant.id]);
    await signIn(page, admin.email, admin.password);
    await ensureTrugridSynced(page, tenant.id);
    const upn = (await ordinaryUsers(tenant.id, sim, domain))[2]!;
    try {
      // The tenant's admin turns the rule on in its settings.
      await page.goto(`/settings/tenants/${tenant.id}`);
      await page.getByTestId("require-change-reason").check();
      await page.getByTestId("change-reason-policy").getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Every change now needs a reason.")).toBeVisible();
      const header = page.getByRole("textbox", { name: "Reason or ticket number for your changes" });
      await expect(header).toHaveAttribute("placeholder", "Reason (required)");

      // The confirmation will not send without a reason.
      await turnMfaOff(page, upn);
      const dialogReason = page.getByTestId("confirm-reason");
      await expect(dialogReason).toHaveAttribute("required", "");
      await page.getByTestId("confirm-button").click();
      await expect(page.getByRole("dialog")).toBeVisible();
      expect((await simUser(sim, domain, upn)).mfa).toBe("on");

      // Typed there, it is the header's reason too, and goes with the change.
      await dialogReason.fill("INC-4242 MFA exception");
      await page.getByTestId("confirm-button").click();
      const toast = page.locator("[data-sonner-toast]").filter({ hasText: `MFA turned off: ${upn}.` });
      await expect(toast).toBeVisible();
      await expect(header).toHaveValue("INC-4242 MFA exception");
      expect((await simUser(sim, domain, upn)).mfa).toBe("off");

      // An undo with the header cleared keeps the reason its change was made for.
      await page.getByRole("button", { name: "Clear the reason" }).click();
      await expect(header).toHaveValue("");
      await toast.getByRole("button", { name: "Undo" }).click();
      await expect(page.getByText("Undone.")).toBeVisible();
      expect((await simUser(sim, domain, upn)).mfa).toBe("on");

      const prisma = await db();
      const events = await prisma.auditEvent.findMany({
        where: { actorId: admin.id, action: { in: ["trugrid.mfa.turned_off", "trugrid.mfa.turned_on"] } },
        orderBy: { seq: "asc" },
      });
      expect(events.map((e) => [e.action, e.outcome, e.changeReason])).toEqual([
        ["trugrid.mfa.turned_off", "pending", "INC-4242 MFA exception"],
        ["trugrid.mfa.turned_off", "success", "INC-4242 MFA exception"],
        ["trugrid.mfa.turned_on", "pending", "INC-4242 MFA exception"],
        ["trugrid.mfa.turned_on", "success", "INC-4242 MFA exception"],
      ]);

      // The log's search finds the change and its undo by the ticket number, and shows the reason on each row.
      await page.goto("/audit?q=INC-4242");
      await expect(page.getByTestId("event-reason")).toHaveCount(2);
      await expect(page.getByTestId("event-reason").first()).toHaveText("Reason: INC-4242 MFA exception");

      // The person's page lists the change with its reason.
      const person = await prisma.person.findFirstOrThrow({
        where: { tenantId: tenant.id, emailNorm: upn.toLowerCase() },
      });
      await page.goto(`/people/${person.id}`);
      await expect(page.getByTestId("person-history")).toContainText("INC-4242 MFA exception");
      await expect(page.getByTestId("person-history")).toContainText("TruGrid: Turn MFA off");
    } finally {
      await requireReason(tenant.id, false);
    }
  },
);
