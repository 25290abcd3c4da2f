import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isActiveTab, VENDOR_AREAS, type VendorTab, vendorPermissions, visibleTabs } from "./areas";
import { VENDOR_IDS } from "./connection-fields";

const CONSOLE = path.resolve(import.meta.dirname, "../../app/(console)");

/** Every page route under a vendor's folder, as its URL pattern (`/twingate/groups/[groupId]`). */
function pagesOf(vendor: string, dir = path.join(CONSOLE, vendor)): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return pagesOf(vendor, full);
    return d.name === "page.tsx" ? [`/${path.relative(CONSOLE, dir).split(path.sep).join("/")}`] : [];
  });
}

const activeAt = (vendor: (typeof VENDOR_IDS)[number], url: string) =>
  VENDOR_AREAS[vendor].tabs
    .filter((t) => isActiveTab(t.href, url, t.href === VENDOR_AREAS[vendor].href))
    .map((t) => t.label);

describe("vendor areas", () => {
  it.each(VENDOR_IDS)("%s: every tab is a page, and every page is under exactly one tab", (vendor) => {
    const pages = pagesOf(vendor);
    for (const tab of VENDOR_AREAS[vendor].tabs) expect(pages).toContain(tab.href);
    for (const page of pages) expect(activeAt(vendor, page.replace(/\[[^\]]+\]/g, "some-id")), page).toHaveLength(1);
  });

  it.each(VENDOR_IDS)("%s: the area has a layout that shows its tabs", (vendor) => {
    const layout = path.join(CONSOLE, vendor, "layout.tsx");
    expect(existsSync(layout)).toBe(true);
    expect(readFileSync(layout, "utf8")).toContain(`<VendorTabs vendor="${vendor}" />`);
  });

  it("marks the overview only on itself, and a section on itself and the pages below it", () => {
    expect(activeAt("twingate", "/twingate")).toEqual(["Overview"]);
    expect(activeAt("twingate", "/twingate/groups/g-1")).toEqual(["Groups"]);
    expect(activeAt("jumpcloud", "/jumpcloud/user-groups")).toEqual(["User groups"]);
    expect(activeAt("jumpcloud", "/jumpcloud/users/u-1")).toEqual(["Users"]);
    expect(activeAt("truu", "/truu/users-export")).toEqual([]);
  });

  it("hides a tab from a role without its permission", () => {
    const tabs: VendorTab[] = [
      { href: "/x", label: "Overview" },
      { href: "/x/admin", label: "Admin", perm: "jumpcloud.destructive" },
    ];
    const staff = (role: "viewer" | "operator" | "admin") => ({ role, allTenants: false });
    expect(visibleTabs(tabs, staff("operator")).map((t) => t.label)).toEqual(["Overview"]);
    expect(visibleTabs(tabs, staff("admin")).map((t) => t.label)).toEqual(["Overview", "Admin"]);
  });

  it("gives each vendor its own permissions", () => {
    expect(vendorPermissions("twingate").sort()).toEqual(["twingate.network.write", "twingate.write"]);
    expect(vendorPermissions("trugrid").sort()).toEqual(["trugrid.domain.write", "trugrid.read", "trugrid.user.write"]);
    expect(vendorPermissions("truu")).toEqual(["truu.write"]);
    expect(vendorPermissions("jumpcloud").sort()).toEqual(["jumpcloud.destructive", "jumpcloud.write"]);
  });
});
