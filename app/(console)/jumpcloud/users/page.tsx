import type { Metadata } from "next";
import { UsersTable } from "@/components/jumpcloud/users-table";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { JumpcloudUserSearch, listUsers } from "@/lib/jumpcloud/queries";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { tableState } from "@/lib/table/params";

export const metadata: Metadata = { title: "JumpCloud users" };

export default async function Page(props: PageProps) {
  const { tenant, may, search, ignored } = await vendorPage(props, {
    vendor: "jumpcloud",
    page: "/jumpcloud/users",
    perm: "console.read",
    search: JumpcloudUserSearch,
  });
  if (!tenant) return <Unavailable vendor="jumpcloud" title="JumpCloud users" reason="tenant" />;
  const state = tableState(search);
  const { rows, total } = await listUsers(db(), tenant.id, state, {
    state: search.state,
    lock: search.lock,
    mfa: search.mfa,
  });
  return (
    <>
      <PageHeader
        title={`JumpCloud users · ${tenant.name}`}
        description={
          "System users from the last sync. Open a user to suspend, unlock, reset MFA or edit; select several to " +
          "unlock or expire passwords in one bulk job."
        }
      />
      <ParamNotices ignored={ignored} />
      <UsersTable rows={rows} total={total} state={state} tenantId={tenant.id} canWrite={may["jumpcloud.write"]} />
    </>
  );
}
