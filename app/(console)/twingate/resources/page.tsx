import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { UrlSearch } from "@/components/data-table/url-filters";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { CreateResourceDialog } from "@/components/twingate/resource-forms";
import { Muted } from "@/components/twingate/state-badges";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { urlText } from "@/lib/params/fields";
import { namesById } from "@/lib/twingate/labels";
import { edgeCounts, lastTwingateSync, listObjects } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate resources" };

type ResourceAttrs = {
  address?: string;
  alias?: string | null;
  isVisible?: boolean;
  isActive?: boolean;
  remoteNetworkId?: string;
  securityPolicyId?: string | null;
};

const Search = z.object({ q: urlText(200).default("") });

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
    search: { q },
    ignored,
  } = await vendorPage(props, {
    vendor: "twingate",
    page: "/twingate/resources",
    perm: "console.read",
    search: Search,
  });
  const description =
    "Addresses reachable through Twingate and who may reach them. Admins create and edit resources and change " +
    "their access.";
  if (!tenant)
    return <Unavailable vendor="twingate" title="Twingate resources" description={description} reason="tenant" />;
  const [resources, networks, policies, access, sync] = await Promise.all([
    listObjects<ResourceAttrs>(db(), tenant.id, "resource", q),
    listObjects(db(), tenant.id, "remote_network"),
    listObjects(db(), tenant.id, "security_policy"),
    edgeCounts(db(), tenant.id, "resource_access", "fromId"),
    lastTwingateSync(db(), tenant.id),
  ]);
  const networkName = namesById(networks);
  const policyName = namesById(policies);
  return (
    <>
      <PageHeader
        title={`Twingate resources · ${tenant.name}`}
        description={description}
        actions={
          canAdmin ? (
            <CreateResourceDialog
              tenantId={tenant.id}
              networks={networks.map((n) => ({ id: n.vendorId, name: n.name }))}
              policies={policies.map((p) => ({ id: p.vendorId, name: p.name }))}
            />
          ) : null
        }
      />
      <CacheNote syncedAt={sync?.finishedAt} />
      <ParamNotices ignored={ignored} />
      <div className="mb-3">
        <UrlSearch label="Search resources by name" />
      </div>
      <Table data-testid="twingate-resources">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Address</TableHead>
            <TableHead>Alias</TableHead>
            <TableHead>Remote network</TableHead>
            <TableHead>Policy</TableHead>
            <TableHead>Visible</TableHead>
            <TableHead>Access</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {resources.length === 0 ? (
            <TableRow>
              <TableCell colSpan={7} className="py-8 text-center text-muted-foreground">
                No resources match.
              </TableCell>
            </TableRow>
          ) : null}
          {resources.map((r) => (
            <TableRow key={r.vendorId} data-testid="resource-row">
              <TableCell>
                <Link className="link font-medium" href={`/twingate/resources/${encodeURIComponent(r.vendorId)}`}>
                  {r.name}
                </Link>
              </TableCell>
              <TableCell className="font-mono text-xs">{r.attributes.address ?? <Muted />}</TableCell>
              <TableCell className="font-mono text-xs">{r.attributes.alias ?? <Muted />}</TableCell>
              <TableCell>
                {r.attributes.remoteNetworkId ? (
                  (networkName[r.attributes.remoteNetworkId] ?? r.attributes.remoteNetworkId)
                ) : (
                  <Muted />
                )}
              </TableCell>
              <TableCell>
                {r.attributes.securityPolicyId ? (
                  (policyName[r.attributes.securityPolicyId] ?? r.attributes.securityPolicyId)
                ) : (
                  <Muted>default</Muted>
                )}
              </TableCell>
              <TableCell>
                {r.attributes.isVisible === false ? <Badge variant="outline">hidden</Badge> : "yes"}
              </TableCell>
              <TableCell className="tabular-nums">{access.get(r.vendorId) ?? 0}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
