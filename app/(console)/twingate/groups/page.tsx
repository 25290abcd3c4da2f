import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { UrlSearch } from "@/components/data-table/url-filters";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { CreateGroupDialog } from "@/components/twingate/group-forms";
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

export const metadata: Metadata = { title: "Twingate groups" };

type GroupAttrs = { isActive?: boolean; securityPolicyId?: string | null };
type GroupRaw = { type?: string };

const Search = z.object({ q: urlText(200).default("") });

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
    search: { q },
    ignored,
  } = await vendorPage(props, { vendor: "twingate", page: "/twingate/groups", perm: "console.read", search: Search });
  const description =
    "Groups decide who reaches which resources. Operators change members; admins create, rename, delete, and set " +
    "resources and security policies.";
  if (!tenant)
    return <Unavailable vendor="twingate" title="Twingate groups" description={description} reason="tenant" />;
  const [groups, policies, members, access, sync] = await Promise.all([
    listObjects<GroupAttrs, GroupRaw>(db(), tenant.id, "group", q),
    listObjects(db(), tenant.id, "security_policy"),
    edgeCounts(db(), tenant.id, "group_member", "fromId"),
    edgeCounts(db(), tenant.id, "resource_access", "toId"),
    lastTwingateSync(db(), tenant.id),
  ]);
  const policyName = namesById(policies);
  return (
    <>
      <PageHeader
        title={`Twingate groups · ${tenant.name}`}
        description={description}
        actions={
          canAdmin ? (
            <CreateGroupDialog
              tenantId={tenant.id}
              policies={policies.map((p) => ({ id: p.vendorId, name: p.name }))}
            />
          ) : null
        }
      />
      <CacheNote syncedAt={sync?.finishedAt} />
      <ParamNotices ignored={ignored} />
      <div className="mb-3">
        <UrlSearch label="Search groups by name" />
      </div>
      <Table data-testid="twingate-groups">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Type</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Security policy</TableHead>
            <TableHead>Members</TableHead>
            <TableHead>Resources</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                No groups match.
              </TableCell>
            </TableRow>
          ) : null}
          {groups.map((g) => (
            <TableRow key={g.vendorId} data-testid="group-row">
              <TableCell>
                <Link className="link font-medium" href={`/twingate/groups/${encodeURIComponent(g.vendorId)}`}>
                  {g.name}
                </Link>
              </TableCell>
              <TableCell>{g.raw.type?.toLowerCase() ?? <Muted />}</TableCell>
              <TableCell>
                {g.attributes.isActive === false ? (
                  <Badge variant="outline">inactive</Badge>
                ) : (
                  <Badge variant="success">active</Badge>
                )}
              </TableCell>
              <TableCell>
                {g.attributes.securityPolicyId ? (
                  (policyName[g.attributes.securityPolicyId] ?? g.attributes.securityPolicyId)
                ) : (
                  <Muted />
                )}
              </TableCell>
              <TableCell className="tabular-nums">{members.get(g.vendorId) ?? 0}</TableCell>
              <TableCell className="tabular-nums">{access.get(g.vendorId) ?? 0}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
