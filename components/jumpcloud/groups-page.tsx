import { NoTenant } from "@/components/jumpcloud/no-tenant";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { GROUP_SORTS, listGroups } from "@/lib/jumpcloud/queries";
import { readTableState } from "@/lib/table/params";
import { currentTenant } from "@/lib/tenants/scope";
import { GroupCreateForm } from "./group-create-form";
import { GroupsTable } from "./groups-table";

type Search = Record<string, string | string[] | undefined>;

/** The list page of user groups or system groups. */
export async function GroupsPage({ kind, searchParams }: { kind: "user_group" | "system_group"; searchParams: Promise<Search> }) {
  const title = kind === "user_group" ? "JumpCloud user groups" : "JumpCloud system groups";
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  if (!tenant) return <NoTenant title={title} />;
  const state = readTableState(await searchParams, { sortable: GROUP_SORTS, sort: "name" });
  const { rows, total } = await listGroups(db(), tenant.id, kind, state);
  return (
    <>
      <PageHeader title={`${title} · ${tenant.name}`} description={kind === "user_group"
        ? "Groups of users; a group bound to systems or system groups gives its members accounts there."
        : "Groups of systems; users and user groups bound to a system group get accounts on all its systems."} />
      <GroupsTable kind={kind} rows={rows} total={total} state={state}
        tools={can(staff.role, "jumpcloud.write") ? <GroupCreateForm tenantId={tenant.id} kind={kind} /> : null} />
    </>
  );
}
