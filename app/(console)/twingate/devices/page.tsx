import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { TwingateDevicesTable } from "@/components/twingate/devices-table";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { tableState } from "@/lib/table/params";
import { lastTwingateSync, listTwingateDevices, TwingateDeviceSearch, twingateUserEmail } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate devices" };

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.write": canOperate },
    search,
    ignored,
  } = await vendorPage(props, {
    vendor: "twingate",
    page: "/twingate/devices",
    perm: "console.read",
    search: TwingateDeviceSearch,
  });
  const description =
    "Block, unblock, archive, unarchive, trust and untrust devices; each change can be undone. An archived device " +
    "becomes active again by itself the next time it connects.";
  if (!tenant)
    return <Unavailable vendor="twingate" title="Twingate devices" description={description} reason="tenant" />;
  const state = tableState(search);
  const { user } = search;
  const [{ rows, total }, sync, owner] = await Promise.all([
    listTwingateDevices(db(), tenant.id, state, { state: search.state, trusted: search.trusted, user }),
    lastTwingateSync(db(), tenant.id),
    user ? twingateUserEmail(db(), tenant.id, user) : null,
  ]);
  return (
    <>
      <PageHeader title={`Twingate devices · ${tenant.name}`} description={description} />
      <CacheNote syncedAt={sync?.finishedAt} />
      <ParamNotices ignored={ignored} />
      {user ? (
        <p className="mb-3 text-sm" data-testid="device-owner-filter">
          Devices of <strong>{owner ?? user}</strong> ·{" "}
          <Link className="underline" href="/twingate/devices">
            all devices
          </Link>
        </p>
      ) : null}
      <TwingateDevicesTable rows={rows} total={total} state={state} tenantId={tenant.id} canOperate={canOperate} />
    </>
  );
}
