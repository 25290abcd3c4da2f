import { currentStaff } from "@/lib/auth/session";
import { VENDOR_AREAS, visibleTabs } from "@/lib/vendors/areas";
import type { VendorId } from "@/lib/vendors/connection-fields";
import { TabLink } from "./tab-link";

/**
 * A vendor area's sections, above each of its pages (the area's layout.tsx).
 * Navigation only: every page checks the session and tenant itself (vendorPage).
 */
export async function VendorTabs({ vendor }: { vendor: VendorId }) {
  const area = VENDOR_AREAS[vendor];
  const tabs = visibleTabs(area.tabs, await currentStaff());
  return (
    <nav aria-label={`${area.label} sections`} className="mb-6 flex flex-wrap gap-x-1 border-b">
      {tabs.map((t) => (
        <TabLink key={t.href} href={t.href} exact={t.href === area.href}>
          {t.label}
        </TabLink>
      ))}
    </nav>
  );
}
