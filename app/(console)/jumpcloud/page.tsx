import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { VendorArea } from "@/components/vendor/vendor-area";
import { db } from "@/lib/db";
import { overviewCounts } from "@/lib/jumpcloud/queries";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.jumpcloud };

export default async function Page(props: PageProps) {
  const { staff, tenant, connection } = await vendorPage(props, {
    vendor: "jumpcloud",
    page: "/jumpcloud",
    perm: "console.read",
  });
  const counts = tenant ? await overviewCounts(db(), tenant.id) : null;
  const tiles = counts
    ? [
        {
          href: "/jumpcloud/users",
          label: "Users",
          value: counts.users,
          note: `${counts.locked} locked · ${counts.suspended} suspended`,
        },
        { href: "/jumpcloud/user-groups", label: "User groups", value: counts.userGroups },
        { href: "/jumpcloud/systems", label: "Systems", value: counts.systems },
        { href: "/jumpcloud/system-groups", label: "System groups", value: counts.systemGroups },
        { href: "/jumpcloud/associations", label: "Associations", value: counts.associations },
      ]
    : [];
  return (
    <VendorArea
      staff={staff}
      tenant={tenant}
      vendor="jumpcloud"
      connection={connection}
      description={
        "Users (MFA reset, lock, unlock, suspend), groups, systems, associations and bulk jobs. For an MSP key, the " +
        "organisation (x-org-id) is this tenant's connection setting."
      }
    >
      {counts ? (
        <Card>
          <CardTitle>In the cache</CardTitle>
          <CardDescription>As of the last sync; every change made here updates these at once.</CardDescription>
          <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {tiles.map((t) => (
              <li key={t.href}>
                <Link
                  href={t.href}
                  className="block rounded-md border p-3 hover:bg-accent"
                  data-testid={`jc-count-${t.label.toLowerCase().replace(/ /g, "-")}`}
                >
                  <div className="text-xs text-muted-foreground">{t.label}</div>
                  <div className="text-2xl font-semibold">{t.value}</div>
                  {t.note ? <div className="text-xs text-muted-foreground">{t.note}</div> : null}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </VendorArea>
  );
}
