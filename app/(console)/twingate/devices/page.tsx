import type { Metadata } from "next";
import Link from "next/link";
import { TwingateDevicesTable } from "@/components/twingate/devices-table";
import { CacheNote, NoTenant, TwingateShell } from "@/components/twingate/twingate-shell";
import { db } from "@/lib/db";
import { oneOf, readTableState } from "@/lib/table/params";
import { DEVICE_STATES } from "@/lib/twingate/constants";
import { twingatePage, type Search } from "@/lib/twingate/page";
import { DEVICE_SORTS, lastTwingateSync, listTwingateDevices } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate devices" };

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const { tenant, canOperate } = await twingatePage();
  const description = "Block, unblock, archive, unarchive, trust and untrust devices; each change can be undone. An archived device becomes active again by itself the next time it connects.";
  if (!tenant) return <TwingateShell title="Twingate devices" current="/twingate/devices" description={description}><NoTenant /></TwingateShell>;
  const search = await searchParams;
  const state = readTableState(search, { sortable: DEVICE_SORTS, sort: "name" });
  const user = typeof search.user === "string" && search.user.length <= 200 ? search.user : undefined;
  const [{ rows, total }, sync, owner] = await Promise.all([
    listTwingateDevices(db(), tenant.id, state, { state: oneOf(search, "state", DEVICE_STATES), trusted: oneOf(search, "trusted", ["yes", "no"] as const), user }),
    lastTwingateSync(db(), tenant.id),
    user ? db().twingateUser.findFirst({ where: { tenantId: tenant.id, vendorId: user }, select: { email: true } }) : null,
  ]);
  return (
    <TwingateShell title="Twingate devices" tenantName={tenant.name} current="/twingate/devices" description={description}>
      <CacheNote syncedAt={sync?.finishedAt} />
      {user ? (
        <p className="mb-3 text-sm" data-testid="device-owner-filter">
          Devices of <strong>{owner?.email ?? user}</strong> · <Link className="underline" href="/twingate/devices">all devices</Link>
        </p>
      ) : null}
      <TwingateDevicesTable rows={rows} total={total} state={state} tenantId={tenant.id} canOperate={canOperate} />
    </TwingateShell>
  );
}
