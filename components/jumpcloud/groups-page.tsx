import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { JumpcloudGroupSearch, listGroups } from "@/lib/jumpcloud/queries";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { tableState } from "@/lib/table/params";
import { GroupCreateForm } from "./group-create-form";
import { GroupsTable } from "./groups-table";

/** The list page of user groups or system groups. */
export async function GroupsPage({ kind, props }: { kind: "user_group" | "system_group"; props: PageProps }) {
  const title = kind === "user_group" ? "JumpCloud user groups" : "JumpCloud system groups";
  const page = kind === "user_group" ? "/jumpcloud/user-groups" : "/jumpcloud/system-groups";
  const { tenant, may, search, ignored } = await vendorPage(props, {
    vendor: "jumpcloud",
    page,
    perm: "console.read",
    search: JumpcloudGroupSearch,
  });
  if (!tenant) return <Unavailable vendor="jumpcloud" title={title} reason="tenant" />;
  const state = tableState(search);
  const { rows, total } = await listGroups(db(), tenant.id, kind, state);
  return (
    <>
      <PageHeader
        title={`${title} · ${tenant.name}`}
        description={
          kind === "user_group"
            ? "Groups of users; a group bound to systems or system groups gives its members accounts there."
            : "Groups of systems; users and user groups bound to a system group get accounts on all its systems."
        }
      />
      <ParamNotices ignored={ignored} />
      <GroupsTable
        kind={kind}
        rows={rows}
        total={total}
        state={state}
        tenantId={tenant.id}
        tools={may["jumpcloud.write"] ? <GroupCreateForm tenantId={tenant.id} kind={kind} /> : null}
      />
    </>
  );
}
