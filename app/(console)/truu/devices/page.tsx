import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { DevicesTable } from "@/components/truu/devices-table";
import { NoTenant } from "@/components/truu/no-tenant";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { pgPool } from "@/lib/db";
import { currentTenant } from "@/lib/tenants/scope";
import { readDeviceTable } from "@/lib/truu/device-filters";
import { listDevices } from "@/lib/truu/list-devices";
import { listTableViews } from "@/lib/views/list-views";

export const metadata: Metadata = { title: "TruU devices" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  if (!tenant) return <NoTenant title="TruU devices" />;
  const { state, filter } = readDeviceTable(await searchParams);
  const [{ rows, total, estimated }, views] = await Promise.all([
    listDevices(pgPool(), tenant.id, state, filter),
    listTableViews(staff, tenant.id, "truu.devices"),
  ]);
  return (
    <>
      <PageHeader title={`TruU devices · ${tenant.name}`} description="Enrolled devices from the last TruU sync. Deletes go to TruU at once and cannot be undone." />
      <DevicesTable rows={rows} total={total} estimated={estimated} state={state} now={Date.now()} tenantId={tenant.id}
        canDelete={can(staff.role, "truu.write")} canShare={can(staff.role, "views.share")} views={views} />
    </>
  );
}
