import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { UsersTable } from "@/components/truu/users-table";
import { Unavailable } from "@/components/vendor/unavailable";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { listUsers, UserTableSearch, userTable } from "@/lib/truu/list-users";
import { listTableViews } from "@/lib/views/list-views";

export const metadata: Metadata = { title: "TruU users" };

export default async function Page(props: PageProps) {
  const { staff, tenant, search, ignored } = await vendorPage(props, {
    vendor: "truu",
    page: "/truu/users",
    perm: "console.read",
    search: UserTableSearch,
  });
  if (!tenant) return <Unavailable vendor="truu" title="TruU users" reason="tenant" />;
  const { state, filter } = userTable(search);
  const [{ rows, total }, views] = await Promise.all([
    listUsers(db(), tenant.id, state, filter),
    listTableViews(staff, tenant.id, "truu.users"),
  ]);
  return (
    <>
      <PageHeader
        title={`TruU users · ${tenant.name}`}
        description={
          "Everyone enrolled in TruU, including users whose devices were all deleted, with their live device " +
          "counts."
        }
      />
      <ParamNotices ignored={ignored} />
      <UsersTable
        rows={rows}
        total={total}
        state={state}
        now={Date.now()}
        tenantId={tenant.id}
        canShare={can(staff.role, "views.share")}
        views={views}
      />
    </>
  );
}
