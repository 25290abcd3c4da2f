import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { TwingateUsersTable } from "@/components/twingate/users-table";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { tableState } from "@/lib/table/params";
import { lastTwingateSync, listTwingateUsers, TwingateUserSearch } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate users" };

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.write": canOperate, "twingate.network.write": canAdmin },
    search,
    ignored,
  } = await vendorPage(props, {
    vendor: "twingate",
    page: "/twingate/users",
    perm: "console.read",
    search: TwingateUserSearch,
  });
  const description =
    "Disable or enable users (with undo), change roles (admins), add users with an optional invitation, and " +
    "delete users added by hand.";
  if (!tenant)
    return <Unavailable vendor="twingate" title="Twingate users" description={description} reason="tenant" />;
  const state = tableState(search);
  const [{ rows, total }, sync] = await Promise.all([
    listTwingateUsers(db(), tenant.id, state, { state: search.state, role: search.role, type: search.type }),
    lastTwingateSync(db(), tenant.id),
  ]);
  return (
    <>
      <PageHeader title={`Twingate users · ${tenant.name}`} description={description} />
      <CacheNote syncedAt={sync?.finishedAt} />
      <ParamNotices ignored={ignored} />
      <TwingateUsersTable
        rows={rows}
        total={total}
        state={state}
        tenantId={tenant.id}
        canOperate={canOperate}
        canAdmin={canAdmin}
      />
    </>
  );
}
