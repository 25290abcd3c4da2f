import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { ConnectionSummary } from "@/components/vendors/connection-summary";
import { can } from "@/lib/auth/permissions";
import type { Staff, TenantSummary } from "@/lib/auth/staff";
import { connectionsOf } from "@/lib/tenants/connections";
import { VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";
import { Unavailable } from "./unavailable";

/**
 * A vendor area's overview: the current tenant's connection to that vendor, then the area's own content.
 * The page has checked the session.
 */
export async function VendorArea({
  staff,
  tenant,
  vendor,
  description,
  children,
}: {
  staff: Staff;
  tenant: TenantSummary | null;
  vendor: VendorId;
  description: string;
  children?: ReactNode;
}) {
  if (!tenant) {
    return <Unavailable vendor={vendor} title={VENDOR_LABEL[vendor]} description={description} reason="tenant" />;
  }
  const connection = (await connectionsOf(staff, tenant.id)).find((c) => c.vendor === vendor);
  return (
    <>
      <PageHeader title={`${VENDOR_LABEL[vendor]} · ${tenant.name}`} description={description} />
      <div className="grid gap-4 xl:grid-cols-2">
        <ConnectionSummary
          vendor={vendor}
          connection={connection}
          tenantId={tenant.id}
          canManage={can(staff.role, "connections.manage")}
          canTest={can(staff.role, "connections.test")}
        />
        {children}
      </div>
    </>
  );
}
