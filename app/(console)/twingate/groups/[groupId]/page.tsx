import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ActionButton } from "@/components/actions/action-button";
import { UrlSearch } from "@/components/data-table/url-filters";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { AddGroupResourcesForm, EditGroupDialog, GroupPolicyForm } from "@/components/twingate/group-forms";
import { Muted, UserStateBadge } from "@/components/twingate/state-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import {
  ActionsHead,
  Clip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { pathId, urlText } from "@/lib/params/fields";
import {
  addTwingateGroupMembers,
  deleteTwingateGroup,
  removeTwingateGroupMembers,
  removeTwingateGroupResources,
} from "@/lib/twingate/group-actions";
import { namesById } from "@/lib/twingate/labels";
import { getObject, grantsOf, groupCandidates, groupMembers, listObjects } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate group" };

type GroupAttrs = { isActive?: boolean; securityPolicyId?: string | null };

// `add`: the text of the find-users-to-add box.
const Search = z.object({ add: urlText(200).default("") });

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.write": canOperate, "twingate.network.write": canAdmin },
    params: { groupId },
    search: { add },
    ignored,
    found,
  } = await vendorPage(props, {
    vendor: "twingate",
    page: "/twingate/groups/[groupId]",
    perm: "console.read",
    params: z.object({ groupId: pathId() }),
    search: Search,
  });
  if (!tenant) return <Unavailable vendor="twingate" title="Twingate group" reason="tenant" />;
  const group = await found(getObject<GroupAttrs, { type?: string }>(db(), tenant.id, "group", groupId), {
    type: "twingate_group",
    id: groupId,
  });
  const [{ rows: members, total: memberCount }, grants, policies, resources, candidates] = await Promise.all([
    groupMembers(db(), tenant.id, groupId),
    grantsOf(db(), tenant.id, groupId),
    listObjects(db(), tenant.id, "security_policy"),
    listObjects(db(), tenant.id, "resource"),
    canOperate ? groupCandidates(db(), tenant.id, groupId, add) : Promise.resolve([]),
  ]);
  const policyName = namesById(policies);
  const resourceName = namesById(resources);
  const reached = new Set(grants.map((g) => g.resourceId));
  const type = group.raw.type ?? "MANUAL";
  const editable = type !== "SYSTEM";
  const tenantId = tenant.id;

  return (
    <>
      <PageHeader
        title={`Group ${group.name} · ${tenant.name}`}
        description={
          <>
            <Link className="underline" href="/twingate/groups">
              All groups
            </Link>{" "}
            · {type.toLowerCase()} group · {group.attributes.isActive === false ? "inactive" : "active"} · policy{" "}
            {group.attributes.securityPolicyId
              ? (policyName[group.attributes.securityPolicyId] ?? group.attributes.securityPolicyId)
              : "—"}
          </>
        }
        actions={
          canAdmin && editable ? (
            <div className="flex gap-2">
              <EditGroupDialog
                tenantId={tenantId}
                groupId={groupId}
                name={group.name}
                isActive={group.attributes.isActive !== false}
              />
              <ActionButton
                action={deleteTwingateGroup}
                input={{ tenantId, groupId }}
                label="Delete group"
                variant="destructive"
                testId="group-delete"
                success={`Twingate: group ${group.name} deleted.`}
                confirm={{
                  title: `Delete the group ${group.name}?`,
                  destructive: true,
                  typeToConfirm: group.name,
                  confirmLabel: "Delete group",
                  description:
                    `Its ${memberCount} member${memberCount === 1 ? "" : "s"} ` +
                    `lose the access it gives to ${grants.length} resource${grants.length === 1 ? "" : "s"}. ` +
                    `This cannot be undone.`,
                }}
              />
            </div>
          ) : null
        }
      />
      <ParamNotices ignored={ignored} />
      {type === "SYSTEM" ? (
        <p className="mb-3 text-sm text-muted-foreground">
          A system group (such as Everyone) is kept by Twingate and cannot be changed.
        </p>
      ) : null}
      {type === "SYNCED" ? (
        <p className="mb-3 text-sm text-muted-foreground">
          Synced from the identity provider: its members are managed there, and Twingate may refuse member changes here.
        </p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardTitle>Members ({memberCount})</CardTitle>
          <CardDescription>Operators add and remove members; each change can be undone.</CardDescription>
          {canOperate && editable ? (
            <div className="mt-3 space-y-2">
              <UrlSearch
                param="add"
                label="Find users to add"
                placeholder="Find users to add (email or name)"
                className="w-full"
              />
              {add && candidates.length === 0 ? (
                <p className="text-sm text-muted-foreground">No one outside the group matches.</p>
              ) : null}
              {candidates.length ? (
                <ul className="divide-y rounded-md border" data-testid="member-candidates">
                  {candidates.map((u) => (
                    <li key={u.vendorId} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
                      <span className="font-mono text-xs">{u.email}</span>
                      <ActionButton
                        action={addTwingateGroupMembers}
                        input={{ tenantId, groupId, userIds: [u.vendorId] }}
                        label="Add"
                        undo
                        testId="member-add"
                        ariaLabel={`Add ${u.email}`}
                        success={`Twingate: ${u.email} added to ${group.name}.`}
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <Table className="mt-3" data-testid="group-members">
            <TableHeader>
              <TableRow>
                <TableHead>Email</TableHead>
                <TableHead>Name</TableHead>
                <TableHead>State</TableHead>
                {canOperate && editable ? <ActionsHead /> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={4} className="py-6 text-center text-muted-foreground">
                    No members.
                  </TableCell>
                </TableRow>
              ) : null}
              {memberCount > members.length ? (
                <TableRow>
                  <TableCell colSpan={4} className="text-xs text-muted-foreground">
                    The first {members.length} of {memberCount} by email; find someone with the Users page.
                  </TableCell>
                </TableRow>
              ) : null}
              {members.map((u) => (
                <TableRow key={u.vendorId} data-testid="member-row">
                  <TableCell>
                    <Clip text={u.email} className="max-w-[14rem]" />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {[u.firstName, u.lastName].filter(Boolean).join(" ") || <Muted />}
                  </TableCell>
                  <TableCell>
                    <UserStateBadge state={u.state} />
                  </TableCell>
                  {canOperate && editable ? (
                    <TableCell className="text-right">
                      <ActionButton
                        action={removeTwingateGroupMembers}
                        input={{ tenantId, groupId, userIds: [u.vendorId] }}
                        label="Remove"
                        variant="ghost"
                        undo
                        testId="member-remove"
                        ariaLabel={`Remove ${u.email}`}
                        success={`Twingate: ${u.email} removed from ${group.name}.`}
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
        <Card>
          <CardTitle>Resources ({grants.length})</CardTitle>
          <CardDescription>
            What the group&apos;s members reach, under which policy. Admins change this.
          </CardDescription>
          {canAdmin && editable ? (
            <div className="mt-3 space-y-3">
              <GroupPolicyForm
                tenantId={tenantId}
                groupId={groupId}
                current={group.attributes.securityPolicyId ?? null}
                policies={policies.map((p) => ({ id: p.vendorId, name: p.name }))}
                resources={grants.map((g) => resourceName[g.resourceId] ?? g.resourceId)}
              />
              <AddGroupResourcesForm
                tenantId={tenantId}
                groupId={groupId}
                resources={resources
                  .filter((r) => !reached.has(r.vendorId))
                  .map((r) => ({ id: r.vendorId, name: r.name }))}
              />
            </div>
          ) : null}
          <Table className="mt-3" data-testid="group-resources">
            <TableHeader>
              <TableRow>
                <TableHead>Resource</TableHead>
                <TableHead>Policy</TableHead>
                <TableHead>Expires</TableHead>
                {canAdmin && editable ? <ActionsHead /> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {grants.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={4} className="py-6 text-center text-muted-foreground">
                    No resources.
                  </TableCell>
                </TableRow>
              ) : null}
              {grants.map((g) => (
                <TableRow key={g.resourceId} data-testid="group-resource-row">
                  <TableCell>
                    <Link className="link" href={`/twingate/resources/${encodeURIComponent(g.resourceId)}`}>
                      {resourceName[g.resourceId] ?? g.resourceId}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {g.securityPolicy ? g.securityPolicy.name : <Badge variant="outline">resource default</Badge>}
                  </TableCell>
                  <TableCell>{g.expiresAt ? <When at={g.expiresAt} /> : <Muted>never</Muted>}</TableCell>
                  {canAdmin && editable ? (
                    <TableCell className="text-right">
                      <ActionButton
                        action={removeTwingateGroupResources}
                        input={{ tenantId, groupId, resourceIds: [g.resourceId] }}
                        label="Remove"
                        variant="ghost"
                        testId="group-resource-remove"
                        undo
                        success={
                          `Twingate: ${group.name} ` +
                          `no longer reaches ${resourceName[g.resourceId] ?? "the resource"}.`
                        }
                        confirm={{
                          title: `Remove ${group.name}'s access to ${resourceName[g.resourceId] ?? g.resourceId}?`,
                          description:
                            `${memberCount} member${memberCount === 1 ? "" : "s"} ` +
                            `lose this access (unless another group gives it).`,
                          destructive: true,
                        }}
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      </div>
    </>
  );
}
