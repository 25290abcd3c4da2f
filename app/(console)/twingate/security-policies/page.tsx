import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/actions/action-button";
import { PageHeader } from "@/components/shell/page-header";
import { PolicyGroupsForm } from "@/components/twingate/network-forms";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { changeTwingatePolicyGroups } from "@/lib/twingate/network-actions";
import { edgeCounts, lastTwingateSync, listObjects } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate security policies" };

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
  } = await vendorPage(props, { vendor: "twingate", page: "/twingate/security-policies", perm: "console.read" });
  const description =
    "Policies are defined in Twingate's admin console; here they are read, and admins assign them to groups. A " +
    "group's policy applies to every resource it reaches.";
  if (!tenant)
    return (
      <Unavailable vendor="twingate" title="Twingate security policies" description={description} reason="tenant" />
    );
  const [policies, groups, access, sync] = await Promise.all([
    listObjects<{ policyType?: string }>(db(), tenant.id, "security_policy"),
    listObjects<{ securityPolicyId?: string | null }, { type?: string }>(db(), tenant.id, "group"),
    edgeCounts(db(), tenant.id, "resource_access", "toId"),
    lastTwingateSync(db(), tenant.id),
  ]);
  const tenantId = tenant.id;
  return (
    <>
      <PageHeader title={`Twingate security policies · ${tenant.name}`} description={description} />
      <CacheNote syncedAt={sync?.finishedAt} />
      <div className="grid gap-4 xl:grid-cols-2">
        {policies.map((p) => {
          const assigned = groups.filter((g) => g.attributes.securityPolicyId === p.vendorId);
          const isDefault = p.attributes.policyType === "DEFAULT_RESOURCE";
          return (
            <Card key={p.vendorId} data-testid="policy-card">
              <CardTitle>
                {p.name} {isDefault ? <Badge>default</Badge> : null}
              </CardTitle>
              <CardDescription>
                {assigned.length} group{assigned.length === 1 ? "" : "s"}
                {isDefault ? "; groups taken off another policy fall back to this one" : ""}
              </CardDescription>
              <ul className="mt-3 divide-y rounded-md border text-sm" data-testid="policy-groups">
                {assigned.length === 0 ? <li className="px-3 py-2 text-muted-foreground">No groups.</li> : null}
                {assigned.map((g) => (
                  <li key={g.vendorId} className="flex items-center justify-between gap-2 px-3 py-1.5">
                    <Link className="link" href={`/twingate/groups/${encodeURIComponent(g.vendorId)}`}>
                      {g.name}
                    </Link>
                    {canAdmin && !isDefault && g.raw.type !== "SYSTEM" ? (
                      <ActionButton
                        action={changeTwingatePolicyGroups}
                        input={{
                          tenantId,
                          securityPolicyId: p.vendorId,
                          addedGroupIds: [],
                          removedGroupIds: [g.vendorId],
                        }}
                        label="Unassign"
                        variant="ghost"
                        ariaLabel={`Unassign ${g.name}`}
                        testId="policy-group-remove"
                        success={`Twingate: ${g.name} is back on the default policy.`}
                        confirm={{
                          title: `Take ${g.name} off ${p.name}?`,
                          description:
                            `The group falls back to the default policy, ` +
                            `and so do the ${access.get(g.vendorId) ?? 0}` +
                            ` resource${access.get(g.vendorId) === 1 ? "" : "s"} it reaches.`,
                        }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
              {canAdmin ? (
                <div className="mt-3">
                  <PolicyGroupsForm
                    tenantId={tenantId}
                    securityPolicyId={p.vendorId}
                    policyName={p.name}
                    others={groups
                      .filter((g) => g.attributes.securityPolicyId !== p.vendorId && g.raw.type !== "SYSTEM")
                      .map((g) => ({ id: g.vendorId, name: g.name, resources: access.get(g.vendorId) ?? 0 }))}
                  />
                </div>
              ) : null}
            </Card>
          );
        })}
      </div>
    </>
  );
}
