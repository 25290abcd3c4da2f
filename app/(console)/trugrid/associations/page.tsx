import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { AssociationEditor } from "@/components/trugrid/association-editor";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { urlText } from "@/lib/params/fields";
import {
  associationsOfGroup,
  associationsOfUser,
  machineGroups,
  machinesByGroup,
  userSuggestions,
} from "@/lib/trugrid/associations";

export const metadata: Metadata = { title: "TruGrid machine associations" };

// One view at a time: a machine group's associations, or a user's.
const Search = z.object({ group: urlText(300).optional(), user: urlText(300).optional() });

export default async function Page(props: PageProps) {
  const { tenant, connection, may, search, ignored } = await vendorPage(props, {
    vendor: "trugrid",
    page: "/trugrid/associations",
    perm: "console.read",
    search: Search,
  });
  const domainName = connection?.settings.domainName;
  const description =
    "Which machine each user holds in each machine group. A group of client machines gives a machine to one user; " +
    "a group with a server lets users share one.";
  if (!tenant || !domainName) {
    return (
      <Unavailable
        vendor="trugrid"
        title="Machine associations"
        description={description}
        reason={tenant ? "connection" : "tenant"}
      />
    );
  }
  const group = search.group || undefined,
    user = search.user || undefined;
  const view = group ? { group } : user ? { user } : null;
  const [groups, rows, users] = await Promise.all([
    machineGroups(db(), tenant.id),
    group
      ? associationsOfGroup(db(), tenant.id, group)
      : user
        ? associationsOfUser(db(), tenant.id, user)
        : Promise.resolve([]),
    userSuggestions(db(), tenant.id),
  ]);
  const machines = await machinesByGroup(db(), tenant.id, group ? [group] : groups.map((g) => g.name));
  return (
    <div className="space-y-6">
      <PageHeader title={`Machine associations · ${tenant.name}`} description={description} />
      <ParamNotices ignored={ignored} />
      <AssociationEditor
        tenantId={tenant.id}
        domainName={domainName}
        groups={groups}
        view={view}
        rows={rows}
        machines={machines}
        users={users}
        canSet={may["trugrid.user.write"]}
        canClear={may["trugrid.domain.write"]}
      />
    </div>
  );
}
