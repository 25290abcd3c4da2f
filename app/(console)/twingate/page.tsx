import type { Metadata } from "next";
import { TwingateOverviewCard } from "@/components/twingate/overview-card";
import { VendorArea } from "@/components/vendor/vendor-area";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { twingateOverview } from "@/lib/twingate/queries";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: VENDOR_LABEL.twingate };

const KINDS: Record<string, string> = {
  "/twingate/groups": "group",
  "/twingate/resources": "resource",
  "/twingate/remote-networks": "remote_network",
  "/twingate/connectors": "connector",
  "/twingate/service-accounts": "service_account",
  "/twingate/security-policies": "security_policy",
};

export default async function Page(props: PageProps) {
  const { staff, tenant, connection } = await vendorPage(props, {
    vendor: "twingate",
    page: "/twingate",
    perm: "console.read",
  });
  let counts: Record<string, number> = {};
  if (tenant) {
    const { users, devices, objects } = await twingateOverview(db(), tenant.id);
    counts = {
      "/twingate/users": users,
      "/twingate/devices": devices,
      ...Object.fromEntries(Object.entries(KINDS).map(([href, kind]) => [href, objects.get(kind) ?? 0])),
    };
  }
  return (
    <VendorArea
      staff={staff}
      tenant={tenant}
      vendor="twingate"
      connection={connection}
      description="Users, devices, groups, resources and access, remote networks, connectors and service accounts."
    >
      {tenant ? <TwingateOverviewCard counts={counts} /> : null}
    </VendorArea>
  );
}
