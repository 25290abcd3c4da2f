import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { syncTenant } from "./fixtures";
import { signInSynced } from "./jumpcloud-fixtures";

// Every console page, as a technician sees it: at 1280 px in both themes with no serious or critical
// accessibility violation (axe, WCAG 2.2 AA), no sideways page scroll at 1280, 1024 or 768 px, every table's
// row actions inside the window, and no form control over another at 1280 and 1024 px, on the page or in the
// dialogs it opens. A screenshot of each page and dialog at 1280 and 1024 px is attached to the run.

const PAGES = [
  "/",
  "/people",
  "/audit",
  "/bulk",
  "/sync",
  "/settings",
  "/settings/staff",
  "/settings/tenants",
  "/settings/api-tokens",
  "/trugrid",
  "/trugrid/users",
  "/trugrid/associations",
  "/trugrid/assignments",
  "/trugrid/directory",
  "/trugrid/allow-lists",
  "/trugrid/logon-ips",
  "/truu",
  "/truu/devices",
  "/truu/users",
  "/truu/assets",
  "/twingate",
  "/twingate/users",
  "/twingate/devices",
  "/twingate/groups",
  "/twingate/resources",
  "/twingate/access-requests",
  "/twingate/remote-networks",
  "/twingate/connectors",
  "/twingate/service-accounts",
  "/twingate/security-policies",
  "/jumpcloud",
  "/jumpcloud/users",
  "/jumpcloud/user-groups",
  "/jumpcloud/systems",
  "/jumpcloud/system-groups",
  "/jumpcloud/associations",
  "/jumpcloud/bulk",
];
/** A detail page: the first link on its list page whose path matches. */
const DETAILS: [list: string, path: RegExp][] = [
  ["/people", /^\/people\/[^/?]+$/],
  ["/audit", /^\/audit\/[^/?]+$/],
  ["/truu/users", /^\/truu\/users\/[^/?]+$/],
  ["/twingate/groups", /^\/twingate\/groups\/[^/?]+$/],
  ["/twingate/resources", /^\/twingate\/resources\/[^/?]+$/],
  ["/jumpcloud/users", /^\/jumpcloud\/users\/[^/?]+$/],
  ["/jumpcloud/user-groups", /^\/jumpcloud\/user-groups\/[^/?]+$/],
  ["/jumpcloud/systems", /^\/jumpcloud\/systems\/[^/?]+$/],
  ["/jumpcloud/system-groups", /^\/jumpcloud\/system-groups\/[^/?]+$/],
  ["/settings/tenants", /^\/settings\/tenants\/[^/?]+$/],
];

// One admin session for every page: signed in (and the vendors synced) once, its cookies reused by each test.
const SESSION = path.resolve(".test-data/layout-session.json");
test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  // The runner gives this page the file's storage state too: it starts from an empty one.
  mkdirSync(path.dirname(SESSION), { recursive: true });
  writeFileSync(SESSION, JSON.stringify({ cookies: [], origins: [] }));
  const page = await browser.newPage({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const { tenant } = await signInSynced(page, "admin");
  await syncTenant(page, tenant.id, ["trugrid", "truu", "twingate"]);
  await page.context().storageState({ path: SESSION });
  await page.close();
});
test.use({ storageState: SESSION });

/** How far the page scrolls sideways, and each table's actions column that ends outside its frame or the window. */
function measure(page: Page) {
  return page.evaluate(() => {
    const clipped = [...document.querySelectorAll("th[data-actions]")].flatMap((th) => {
      const frame = th.closest("[data-slot=table-frame]")?.getBoundingClientRect();
      const right = th.getBoundingClientRect().right;
      return right > Math.min(frame?.right ?? Infinity, window.innerWidth) + 1 ? [Math.round(right)] : [];
    });
    return { sideways: document.documentElement.scrollWidth - window.innerWidth, clipped };
  });
}

/**
 * Controls of a form (in `scope`) that overlap another, or run past the window's right edge: the expiry field that
 * slid under its button at 1024 px. Each as "label ⟷ label".
 */
function formOverlaps(page: Page, scope: string) {
  return page.evaluate((root) => {
    const name = (el: Element) =>
      (el.getAttribute("aria-label") ?? el.getAttribute("name") ?? el.textContent ?? el.tagName).trim().slice(0, 40);
    const out: string[] = [];
    for (const form of document.querySelectorAll(`${root} form`)) {
      const controls = [...form.querySelectorAll("input:not([type=hidden]), select, textarea, button")]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
      for (const [i, a] of controls.entries()) {
        if (a.r.right > window.innerWidth + 1) out.push(`${name(a.el)} ⟷ the window's edge`);
        for (const b of controls.slice(i + 1)) {
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (x > 2 && y > 2) out.push(`${name(a.el)} ⟷ ${name(b.el)}`);
        }
      }
    }
    return out;
  }, scope);
}

/** The page's dialog forms (at most a few of each page's own, and one a table row opens), opened one at a time. */
async function checkDialogs(page: Page, url: string, width: number) {
  const triggers = page.locator("main button[aria-haspopup=dialog]:not([disabled])");
  const count = await triggers.count();
  const inRows = await triggers.evaluateAll((bs) => bs.map((b) => b.closest("tbody") !== null));
  const picked = [...inRows.entries()]
    .filter(([, inRow], n, all) => !inRow || all.findIndex(([, r]) => r) === n)
    .map(([i]) => i)
    .slice(0, 6);
  for (const i of picked.filter((i) => i < count)) {
    const trigger = triggers.nth(i);
    if (!(await trigger.isVisible())) continue;
    const label = ((await trigger.getAttribute("aria-label")) ?? (await trigger.textContent()) ?? "")
      .trim()
      .slice(0, 40);
    await trigger.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog, `${url}: "${label}" opens its dialog`).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width + 1, `${url}: "${label}" fits ${width} px`).toBe(true);
    expect(await formOverlaps(page, "[role=dialog]"), `${url}: "${label}" at ${width} px`).toEqual([]);
    if (width === 1280) {
      const axe = new AxeBuilder({ page }).include("[role=dialog]").withTags(["wcag2a", "wcag2aa", "wcag22aa"]);
      const serious = (await axe.analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => v.id),
        `${url}: "${label}" dialog, axe`,
      ).toEqual([]);
    }
    await test
      .info()
      .attach(`${url} ${width} dialog ${label}`, { body: await page.screenshot(), contentType: "image/png" });
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  }
}

/** Serious and critical WCAG 2.2 AA violations; `colours` alone: the rules a theme can change. */
async function seriousViolations(page: Page, colours?: "colours") {
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]);
  if (colours) axe.withRules(["color-contrast", "link-in-text-block"]);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
}

/** The theme as next-themes applies it (a class on <html>), without a reload. */
const theme = (page: Page, name: "light" | "dark") =>
  page.evaluate((t) => {
    // As next-themes does (disableTransitionOnChange): no colour is measured halfway through a transition.
    if (!document.getElementById("no-transitions")) {
      const style = document.createElement("style");
      style.id = "no-transitions";
      style.textContent = "*,*::before,*::after{transition:none!important}";
      document.head.append(style);
    }
    document.documentElement.classList.remove("light", "dark");
    document.documentElement.classList.add(t);
    document.documentElement.style.colorScheme = t;
  }, name);

// One load per page: the theme and the width change in place, as they do when a technician switches or resizes.
async function check(page: Page, url: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await theme(page, "light");
  expect(await measure(page), `${url} at 1280 px`).toEqual({ sideways: 0, clipped: [] });
  expect(await formOverlaps(page, "main"), `${url}: forms at 1280 px`).toEqual([]);
  expect(await seriousViolations(page), `${url}, light theme`).toEqual([]);
  await test.info().attach(`${url} 1280 light`, { body: await page.screenshot(), contentType: "image/png" });
  await theme(page, "dark");
  expect(await seriousViolations(page, "colours"), `${url}, dark theme`).toEqual([]);
  await test.info().attach(`${url} 1280 dark`, { body: await page.screenshot(), contentType: "image/png" });
  await theme(page, "light");
  await checkDialogs(page, url, 1280);
  for (const width of [1024, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
    expect(await measure(page), `${url} at ${width} px`).toEqual({ sideways: 0, clipped: [] });
    if (width === 1024) {
      expect(await formOverlaps(page, "main"), `${url}: forms at 1024 px`).toEqual([]);
      await test.info().attach(`${url} 1024`, { body: await page.screenshot(), contentType: "image/png" });
      await checkDialogs(page, url, 1024);
    }
  }
}

test.describe("every page at 1280, 1024 and 768 px", () => {
  test.setTimeout(120_000);

  for (const url of PAGES) {
    test(`${url} fits, keeps its row actions in view and passes axe in both themes`, async ({ page }) => {
      await check(page, url);
    });
  }

  for (const [list, path] of DETAILS) {
    test(`a page under ${list} fits, keeps its row actions in view and passes axe in both themes`, async ({ page }) => {
      await page.goto(list);
      const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      const href = hrefs.find((h) => h && path.test(h));
      expect(href, `a link to a page under ${list}`).toBeTruthy();
      await check(page, href ?? "");
    });
  }
});
