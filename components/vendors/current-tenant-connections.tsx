import { PageHeader } from "@/components/shell/page-header";
import { requireStaff } from "@/lib/auth/session";
import { connectionsOf } from "@/lib/tenants/connections";
import { currentTenant } from "@/lib/tenants/scope";
import { TenantConnectionsCard } from "./tenant-connections-card";

/** An area page headed by the current tenant's vendor connections. */
export async function CurrentTenantConnections({ title, description }: { title: string; description: string }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  return (
    <>
      <PageHeader title={title} description={description} />
      {tenant ? (
        <TenantConnectionsCard tenant={tenant} connections={await connectionsOf(staff, tenant.id)} />
      ) : (
        <p className="text-sm text-muted-foreground">You are not assigned to any tenant yet.</p>
      )}
    </>
  );
}
