import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ActionButton } from "@/components/actions/action-button";
import { PageHeader } from "@/components/shell/page-header";
import {
  AddAccessForm,
  EditResourceDialog,
  type Principal,
  type ResourceValues,
  SetAccessForm,
} from "@/components/twingate/resource-forms";
import { Muted } from "@/components/twingate/state-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ActionsHead, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { pathId } from "@/lib/params/fields";
import { namesById } from "@/lib/twingate/labels";
import { formatPorts } from "@/lib/twingate/protocols";
import { getObject, grantsOn, listObjects } from "@/lib/twingate/queries";
import { deleteTwingateResource, removeTwingateResourceAccess } from "@/lib/twingate/resource-actions";
import type { Resource } from "@/lib/vendors/twingate/schemas";

export const metadata: Metadata = { title: "Twingate resource" };

const protocolText = (p: Resource["protocols"]["tcp"]) =>
  p.policy === "ALLOW_ALL" ? "all ports" : formatPorts(p.ports) || "none";

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
    params: { resourceId },
    found,
  } = await vendorPage(props, {
    vendor: "twingate",
    page: "/twingate/resources/[resourceId]",
    perm: "console.read",
    params: z.object({ resourceId: pathId() }),
  });
  if (!tenant) return <Unavailable vendor="twingate" title="Twingate resource" reason="tenant" />;
  const resource = await found(getObject<Record<string, unknown>, Resource>(db(), tenant.id, "resource", resourceId), {
    type: "twingate_resource",
    id: resourceId,
  });
  const [grants, groups, accounts, networks, policies] = await Promise.all([
    grantsOn(db(), tenant.id, resourceId),
    listObjects<{ isActive?: boolean }, { type?: string }>(db(), tenant.id, "group"),
    listObjects(db(), tenant.id, "service_account"),
    listObjects(db(), tenant.id, "remote_network"),
    listObjects(db(), tenant.id, "security_policy"),
  ]);
  const r = resource.raw;
  const tenantId = tenant.id;
  const networkName = namesById(networks);
  const principals: Principal[] = [
    ...groups.map((g) => ({ id: g.vendorId, name: g.name, type: "GROUP" as const })),
    ...accounts.map((a) => ({ id: a.vendorId, name: a.name, type: "SERVICE_ACCOUNT" as const })),
  ];
  const values: ResourceValues = {
    name: r.name,
    address: r.address?.value ?? "",
    alias: r.alias,
    remoteNetworkId: r.remoteNetwork?.id ?? "",
    securityPolicyId: r.securityPolicy?.id ?? null,
    isVisible: r.isVisible,
    isBrowserShortcutEnabled: r.isBrowserShortcutEnabled,
    protocols: r.protocols,
  };
  const current = grants.map((g) => ({
    principalId: g.principal.id,
    name: g.principal.name,
    securityPolicyId: g.securityPolicy?.id ?? null,
    expiresAt: g.expiresAt,
    type: g.principal.__typename === "Group" ? ("GROUP" as const) : ("SERVICE_ACCOUNT" as const),
  }));

  return (
    <>
      <PageHeader
        title={`Resource ${resource.name} · ${tenant.name}`}
        description={
          <>
            <Link className="underline" href="/twingate/resources">
              All resources
            </Link>{" "}
            · <span className="font-mono">{r.address?.value}</span>
            {r.alias ? (
              <>
                {" "}
                · alias <span className="font-mono">{r.alias}</span>
              </>
            ) : null}
          </>
        }
        actions={
          canAdmin ? (
            <div className="flex gap-2">
              <EditResourceDialog
                tenantId={tenantId}
                resourceId={resourceId}
                values={values}
                networks={networks.map((n) => ({ id: n.vendorId, name: n.name }))}
                policies={policies.map((p) => ({ id: p.vendorId, name: p.name }))}
              />
              <ActionButton
                action={deleteTwingateResource}
                input={{ tenantId, resourceId }}
                label="Delete"
                variant="outline"
                testId="resource-delete"
                success={`Twingate: resource ${r.name} deleted.`}
                then="/twingate/resources"
                confirm={{
                  title: `Delete the resource ${r.name}?`,
                  destructive: true,
                  typeToConfirm: r.name,
                  confirmLabel: "Delete resource",
                  description:
                    `The ${grants.length} groups and service accounts that can reach it lose that access. This ` +
                    "cannot be undone: the audit event keeps its settings and who could reach it.",
                }}
              />
            </div>
          ) : null
        }
      />
      <div className="grid gap-4 xl:grid-cols-3">
        <Card>
          <CardTitle>Settings</CardTitle>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="resource-settings">
            <dt className="text-muted-foreground">Remote network</dt>
            <dd>{networkName[r.remoteNetwork?.id] ?? r.remoteNetwork?.name ?? "—"}</dd>
            <dt className="text-muted-foreground">Policy</dt>
            <dd>{r.securityPolicy?.name ?? "default"}</dd>
            <dt className="text-muted-foreground">Visible</dt>
            <dd>{r.isVisible ? "yes" : "no"}</dd>
            <dt className="text-muted-foreground">Browser shortcut</dt>
            <dd>{r.isBrowserShortcutEnabled ? "yes" : "no"}</dd>
            <dt className="text-muted-foreground">ICMP</dt>
            <dd>{r.protocols?.allowIcmp ? "allowed" : "blocked"}</dd>
            <dt className="text-muted-foreground">TCP</dt>
            <dd>{r.protocols ? protocolText(r.protocols.tcp) : "—"}</dd>
            <dt className="text-muted-foreground">UDP</dt>
            <dd>{r.protocols ? protocolText(r.protocols.udp) : "—"}</dd>
          </dl>
        </Card>
        <Card className="xl:col-span-2">
          <CardTitle>Access ({grants.length})</CardTitle>
          <CardDescription>
            Groups and service accounts that may reach this resource, with the policy and expiry of each grant.
          </CardDescription>
          <Table className="mt-3" data-testid="resource-access">
            <TableHeader>
              <TableRow>
                <TableHead>Principal</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Policy</TableHead>
                <TableHead>Expires</TableHead>
                {canAdmin ? <ActionsHead /> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {grants.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={5} className="py-6 text-center text-muted-foreground">
                    No one may reach this resource.
                  </TableCell>
                </TableRow>
              ) : null}
              {grants.map((g) => (
                <TableRow key={g.principal.id} data-testid="access-row">
                  <TableCell>
                    {g.principal.__typename === "Group" ? (
                      <Link className="link" href={`/twingate/groups/${encodeURIComponent(g.principal.id)}`}>
                        {g.principal.name}
                      </Link>
                    ) : (
                      g.principal.name
                    )}
                  </TableCell>
                  <TableCell>{g.principal.__typename === "Group" ? "group" : "service account"}</TableCell>
                  <TableCell>
                    {g.securityPolicy ? g.securityPolicy.name : <Badge variant="outline">resource default</Badge>}
                  </TableCell>
                  <TableCell>{g.expiresAt ? <When at={g.expiresAt} /> : <Muted>never</Muted>}</TableCell>
                  {canAdmin ? (
                    <TableCell className="text-right">
                      <ActionButton
                        action={removeTwingateResourceAccess}
                        input={{ tenantId, resourceId, principalIds: [g.principal.id] }}
                        label="Remove"
                        variant="ghost"
                        testId="access-remove"
                        ariaLabel={`Remove ${g.principal.name}'s access`}
                        success={`Twingate: ${g.principal.name} can no longer reach ${resource.name}.`}
                        undo
                        confirm={{
                          title: `Remove ${g.principal.name}'s access to ${resource.name}?`,
                          description: "The grant, with its policy and expiry, is removed at Twingate.",
                          destructive: true,
                        }}
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {canAdmin ? (
            <div className="mt-4 space-y-4 border-t pt-4">
              <AddAccessForm
                tenantId={tenantId}
                resourceId={resourceId}
                principals={principals.filter((p) => !current.some((c) => c.principalId === p.id))}
                policies={policies.map((p) => ({ id: p.vendorId, name: p.name }))}
              />
              {/* Keyed by the current grants: after a change the ticks start again from what Twingate now holds. */}
              <SetAccessForm
                key={current
                  .map((c) => c.principalId)
                  .sort()
                  .join(",")}
                tenantId={tenantId}
                resourceId={resourceId}
                principals={principals}
                current={current}
              />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
