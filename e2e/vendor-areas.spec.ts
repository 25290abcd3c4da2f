import { expect, test } from "@playwright/test";
import { createStaff, createTenant, signIn } from "./fixtures";

// The four vendor areas share one frame: the same tabs above every page, the current one marked.
const AREAS = [
  { label: "TruGrid", overview: "/trugrid", section: "/trugrid/allow-lists", tab: "Allow-lists" },
  { label: "TruU", overview: "/truu", section: "/truu/assets", tab: "Assets" },
  { label: "Twingate", overview: "/twingate", section: "/twingate/groups", tab: "Groups" },
  { label: "JumpCloud", overview: "/jumpcloud", section: "/jumpcloud/system-groups", tab: "System groups" },
];

test("each vendor area shows its sections as tabs, the current one marked", async ({ page }) => {
  const tenant = await createTenant();
  const viewer = await createStaff("viewer", [tenant.id]);
  await signIn(page, viewer.email, viewer.password);
  for (const area of AREAS) {
    const tabs = page.getByRole("navigation", { name: `${area.label} sections` });
    await page.goto(area.overview);
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: area.tab, exact: true })).not.toHaveAttribute("aria-current", "page");
    await tabs.getByRole("link", { name: area.tab, exact: true }).click();
    await expect(page).toHaveURL(area.section);
    await expect(tabs.getByRole("link", { name: area.tab, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
  }
  // A TruGrid section that calls TruGrid says when the tenant has no connection to call it with.
  await page.goto("/trugrid/allow-lists");
  await expect(page.getByRole("heading", { name: "No TruGrid connection" })).toBeVisible();
});

test("a staff user without a tenant sees the tabs and a plain notice on every vendor page", async ({ page }) => {
  const viewer = await createStaff("viewer", []);
  await signIn(page, viewer.email, viewer.password);
  for (const area of AREAS) {
    for (const url of [area.overview, area.section]) {
      await page.goto(url);
      await expect(page.getByRole("navigation", { name: `${area.label} sections` })).toBeVisible();
      await expect(page.getByRole("heading", { name: "No tenant" })).toBeVisible();
    }
  }
});
