import type { Metadata } from "next";
import { CacheNote, NoTenant, TwingateShell } from "@/components/twingate/twingate-shell";
import { TwingateUsersTable } from "@/components/twingate/users-table";
import { db } from "@/lib/db";
import { oneOf, readTableState } from "@/lib/table/params";
import { TWINGATE_ROLES, USER_STATES } from "@/lib/twingate/constants";
import { twingatePage, type Search } from "@/lib/twingate/page";
import { lastTwingateSync, listTwingateUsers, USER_SORTS } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate users" };

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const { tenant, canOperate, canAdmin } = await twingatePage();
  const description = "Disable or enable users (with undo), change roles (admins), add users with an optional invitation, and delete users added by hand.";
  if (!tenant) return <TwingateShell title="Twingate users" current="/twingate/users" description={description}><NoTenant /></TwingateShell>;
  const search = await searchParams;
  const state = readTableState(search, { sortable: USER_SORTS, sort: "email" });
  const [{ rows, total }, sync] = await Promise.all([
    listTwingateUsers(db(), tenant.id, state, {
      state: oneOf(search, "state", USER_STATES), role: oneOf(search, "role", TWINGATE_ROLES), type: oneOf(search, "type", ["MANUAL", "SYNCED"] as const),
    }),
    lastTwingateSync(db(), tenant.id),
  ]);
  return (
    <TwingateShell title="Twingate users" tenantName={tenant.name} current="/twingate/users" description={description}>
      <CacheNote syncedAt={sync?.finishedAt} />
      <TwingateUsersTable rows={rows} total={total} state={state} tenantId={tenant.id} canOperate={canOperate} canAdmin={canAdmin} />
    </TwingateShell>
  );
}
