import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { ConnectionSummary } from "@/components/vendors/connection-summary";
import { can } from "@/lib/auth/permissions";
import type { Staff, TenantSummary } from "@/lib/auth/staff";
import type { ConnectionView } from "@/lib/tenants/connections";
import { VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";
import { Unavailable } from "./unavailable";

/** A vendor area's overview: the tenant's connection to the vendor (from vendorPage), then the area's own content. */
export function VendorArea({
  staff,
  tenant,
  vendor,
  connection,
  description,
  children,
}: {
  staff: Staff;
  tenant: TenantSummary | null;
  vendor: VendorId;
  connection: ConnectionView | null;
  description: string;
  children?: ReactNode;
}) {
  if (!tenant) {
    return <Unavailable vendor={vendor} title={VENDOR_LABEL[vendor]} description={description} reason="tenant" />;
  }
  return (
    <>
      <PageHeader title={`${VENDOR_LABEL[vendor]} · ${tenant.name}`} description={description} />
      <div className="grid gap-4 xl:grid-cols-2">
        <ConnectionSummary
          vendor={vendor}
          connection={connection ?? undefined}
          tenantId={tenant.id}
          canManage={can(staff.role, "connections.manage")}
          canTest={can(staff.role, "connections.test")}
        />
        {children}
      </div>
    </>
  );
}
