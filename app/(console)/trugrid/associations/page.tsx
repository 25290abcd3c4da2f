import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { AssociationEditor } from "@/components/trugrid/association-editor";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { pageContext, type PageProps } from "@/lib/pages/page-context";
import { urlText } from "@/lib/params/fields";
import { associationsOfGroup, associationsOfUser, machineGroups, machinesByGroup, userSuggestions } from "@/lib/trugrid/associations";
import { trugridScope } from "@/lib/trugrid/scope";

export const metadata: Metadata = { title: "TruGrid machine associations" };

// One view at a time: a machine group's associations, or a user's.
const Search = z.object({ group: urlText(300).optional(), user: urlText(300).optional() });

export default async function Page(props: PageProps) {
  const ctx = await pageContext(props, { page: "/trugrid/associations", perm: "console.read", tenant: "current", search: Search });
  const { tenant, domainName, may } = await trugridScope(ctx);
  const description = "Which machine each user holds in each machine group. A group of client machines gives a machine to one user; a group with a server lets users share one.";
  if (!tenant || !domainName) {
    return <Unavailable vendor="trugrid" title="Machine associations" description={description} reason={tenant ? "connection" : "tenant"} />;
  }
  const group = ctx.search.group || undefined, user = ctx.search.user || undefined;
  const view = group ? { group } : user ? { user } : null;
  const [groups, rows, users] = await Promise.all([
    machineGroups(db(), tenant.id),
    group ? associationsOfGroup(db(), tenant.id, group) : user ? associationsOfUser(db(), tenant.id, user) : Promise.resolve([]),
    userSuggestions(db(), tenant.id),
  ]);
  const machines = await machinesByGroup(db(), tenant.id, group ? [group] : groups.map((g) => g.name));
  return (
    <div className="space-y-6">
      <PageHeader title={`Machine associations · ${tenant.name}`} description={description} />
      <ParamNotices ignored={ctx.ignored} />
      <AssociationEditor tenantId={tenant.id} domainName={domainName} groups={groups} view={view} rows={rows} machines={machines} users={users}
        canSet={may.user} canClear={may.domain} />
    </div>
  );
}
