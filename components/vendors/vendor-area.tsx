import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import type { Staff, TenantSummary } from "@/lib/auth/staff";
import { connectionsOf } from "@/lib/tenants/connections";
import { VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";
import { ConnectionSummary } from "./connection-summary";

/** The frame of a vendor area: the current tenant's connection to that vendor, then the area's own content. The page has checked the session. */
export async function VendorArea({ staff, tenant, vendor, description, children }: { staff: Staff; tenant: TenantSummary | null; vendor: VendorId; description: string; children?: ReactNode }) {
  if (!tenant) {
    return (
      <>
        <PageHeader title={VENDOR_LABEL[vendor]} description={description} />
        <Card><CardTitle>No tenant</CardTitle><CardDescription>You are not assigned to any tenant. Ask an admin to give you one.</CardDescription></Card>
      </>
    );
  }
  const connection = (await connectionsOf(staff, tenant.id)).find((c) => c.vendor === vendor);
  return (
    <>
      <PageHeader title={`${VENDOR_LABEL[vendor]} · ${tenant.name}`} description={description} />
      <div className="grid gap-4 xl:grid-cols-2">
        <ConnectionSummary vendor={vendor} connection={connection} tenantId={tenant.id} canManage={can(staff.role, "connections.manage")} canTest={can(staff.role, "connections.test")} />
        {children}
      </div>
    </>
  );
}
