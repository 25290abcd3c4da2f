import type { Metadata } from "next";
import Link from "next/link";
import { CreateTenantForm } from "@/components/settings/create-tenant-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { TenantConnectionsCard } from "@/components/vendors/tenant-connections-card";
import { allows } from "@/lib/auth/permissions";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { connectionsOf } from "@/lib/tenants/connections";
import { tenantsInScope } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage(props: PageProps) {
  const { staff } = await pageContext(props, { page: "/settings/tenants", perm: "connections.read", tenant: "global" });
  const tenants = await tenantsInScope(staff);
  const cards = await Promise.all(
    tenants.map(async (tenant) => ({ tenant, connections: await connectionsOf(staff, tenant.id) })),
  );
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Customer organisations and their vendor connections. You see the tenants you are assigned to."
      />
      <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
        {cards.map(({ tenant: t, connections }) => (
          <div key={t.id} className="grid gap-2">
            <TenantConnectionsCard tenant={t} connections={connections} />
            <Link href={`/settings/tenants/${t.id}`} className="text-sm link">
              Open {t.name}
            </Link>
          </div>
        ))}
        {allows(staff, "tenants.manage") ? (
          <Card>
            <CardTitle>New tenant</CardTitle>
            <CreateTenantForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}
