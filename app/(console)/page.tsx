import Link from "next/link";
import { z } from "zod";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/shell/page-header";
import { TenantConnectionsCard } from "@/components/vendors/tenant-connections-card";
import { listAuditEvents } from "@/lib/audit/query";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { urlText } from "@/lib/params/fields";
import { connectionsOf } from "@/lib/tenants/connections";
import { tenantsInScope } from "@/lib/tenants/scope";

// `denied`: the permission a page this staff user was sent away from needs.
const Search = z.object({ denied: urlText(100).optional() });

export default async function OverviewPage(props: PageProps) {
  const {
    staff,
    search: { denied },
  } = await pageContext(props, { page: "/", perm: "console.read", search: Search, tenant: "global" });
  const tenants = await tenantsInScope(staff);
  const [cards, recent] = await Promise.all([
    Promise.all(tenants.map(async (tenant) => ({ tenant, connections: await connectionsOf(staff, tenant.id) }))),
    listAuditEvents(staff, {}),
  ]);
  const tenantNames = Object.fromEntries(tenants.map((t) => [t.id, t.name]));
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${staff.email} (${staff.role}).`} />
      {denied ? (
        <p
          role="alert"
          data-testid="denied-banner"
          className="mb-4 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm"
        >
          That page needs a permission your role does not have ({denied}).
        </p>
      ) : null}
      <h2 className="mb-3 text-lg font-semibold">Your tenants</h2>
      {tenants.length === 0 ? (
        <p className="text-sm text-muted-foreground">You are not assigned to any tenant yet.</p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
        {cards.map(({ tenant, connections }) => (
          <TenantConnectionsCard key={tenant.id} tenant={tenant} connections={connections} />
        ))}
      </div>
      <div className="mb-3 mt-8 flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">Recent activity</h2>
        <Link href="/audit" className="text-sm link">
          Full audit log
        </Link>
      </div>
      <AuditTable events={recent.events.slice(0, 10)} tenantNames={tenantNames} />
    </>
  );
}
