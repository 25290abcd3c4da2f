import type { Metadata } from "next";
import { z } from "zod";
import { ChangeReasonPolicyForm } from "@/components/settings/change-reason-policy-form";
import { ConnectionForm } from "@/components/settings/connection-form";
import { DomainAliasesForm } from "@/components/settings/domain-aliases-form";
import { RenameTenantForm } from "@/components/settings/rename-tenant-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { ConnectionSummary } from "@/components/vendors/connection-summary";
import { allows, can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { pathId } from "@/lib/params/fields";
import { formatAliasLines, loadDomainAliases } from "@/lib/people/domain-aliases";
import { connectionsOf } from "@/lib/tenants/connections";
import { CONNECTION_FIELDS, VENDOR_IDS, VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: "Tenant" };

export default async function TenantPage(props: PageProps) {
  // Another tenant's page is "not found", exactly like one that does not exist, and the attempt is in the audit log.
  const { staff, tenant } = await pageContext(props, {
    page: "/settings/tenants/[tenantId]",
    perm: "connections.read",
    params: z.object({ tenantId: pathId(100) }),
    tenant: ({ params }) => params.tenantId,
  });
  const connections = await connectionsOf(staff, tenant.id);
  const manage = can(staff.role, "connections.manage");
  const aliases = await loadDomainAliases(db(), tenant.id);
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={
          tenant.isDemo
            ? "A demo tenant, wired to the local vendor simulators."
            : "Vendor connections of this tenant. Credentials are encrypted at rest and never shown again."
        }
      />
      {allows(staff, "tenants.manage") ? (
        <Card className="mb-4 max-w-xl">
          <CardTitle>Name</CardTitle>
          <RenameTenantForm tenantId={tenant.id} name={tenant.name} />
        </Card>
      ) : null}
      <Card className="mb-4 max-w-xl">
        <CardTitle>Reasons for changes</CardTitle>
        <ChangeReasonPolicyForm
          tenantId={tenant.id}
          required={tenant.requireChangeReason}
          canEdit={can(staff.role, "tenant.settings")}
        />
      </Card>
      <Card className="mb-4 max-w-xl" data-testid="domain-aliases-card">
        <CardTitle>People: domain aliases</CardTitle>
        <DomainAliasesForm
          tenantId={tenant.id}
          text={formatAliasLines(aliases)}
          canEdit={can(staff.role, "tenant.settings")}
        />
      </Card>
      <div className="grid gap-4 xl:grid-cols-2">
        {VENDOR_IDS.map((vendor) => {
          const connection = connections.find((c) => c.vendor === vendor);
          return manage ? (
            <Card key={vendor} data-testid={`connection-${vendor}`}>
              <CardTitle>{VENDOR_LABEL[vendor]}</CardTitle>
              <ConnectionForm
                tenantId={tenant.id}
                vendor={vendor}
                fields={CONNECTION_FIELDS[vendor]}
                connection={connection ?? null}
              />
            </Card>
          ) : (
            <ConnectionSummary
              key={vendor}
              vendor={vendor}
              connection={connection}
              tenantId={tenant.id}
              canManage={false}
              canTest={can(staff.role, "connections.test")}
            />
          );
        })}
      </div>
    </>
  );
}
