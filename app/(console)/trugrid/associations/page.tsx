import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { AssociationEditor } from "@/components/trugrid/association-editor";
import { TrugridUnavailable } from "@/components/trugrid/no-tenant";
import { db } from "@/lib/db";
import { associationsOfGroup, associationsOfUser, machineGroups, machinesByGroup, userSuggestions } from "@/lib/trugrid/associations";
import { trugridScope } from "@/lib/trugrid/scope";

export const metadata: Metadata = { title: "TruGrid machine associations" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 300) || undefined;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const { tenant, domainName, may } = await trugridScope();
  const description = "Which machine each user holds in each machine group. A group of client machines gives a machine to one user; a group with a server lets users share one.";
  if (!tenant || !domainName) {
    return <><PageHeader title="Machine associations" description={description} /><TrugridUnavailable reason={tenant ? "connection" : "tenant"} /></>;
  }
  const search = await searchParams;
  const group = first(search.group), user = first(search.user);
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
      <AssociationEditor tenantId={tenant.id} domainName={domainName} groups={groups} view={view} rows={rows} machines={machines} users={users}
        canSet={may.user} canClear={may.domain} />
    </div>
  );
}
