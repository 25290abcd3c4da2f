import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { TwingateUsersTable } from "@/components/twingate/users-table";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { urlEnum } from "@/lib/params/fields";
import { tableSearch, tableState } from "@/lib/table/params";
import { TWINGATE_ROLES, USER_STATES } from "@/lib/twingate/constants";
import { lastTwingateSync, listTwingateUsers, USER_SORTS } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate users" };

const Search = tableSearch({ sortable: USER_SORTS, sort: "email" }).extend({
  state: urlEnum(USER_STATES).optional(),
  role: urlEnum(TWINGATE_ROLES).optional(),
  type: urlEnum(["MANUAL", "SYNCED"]).optional(),
});

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.write": canOperate, "twingate.network.write": canAdmin },
    search,
    ignored,
  } = await vendorPage(props, { vendor: "twingate", page: "/twingate/users", perm: "console.read", search: Search });
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
