import type { Metadata } from "next";
import { ActionButton } from "@/components/actions/action-button";
import { SystemsTable } from "@/components/jumpcloud/systems-table";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { JumpcloudSystemSearch, listSystems, systemFilter, systemOsList } from "@/lib/jumpcloud/queries";
import { mdmRefreshDepDevices } from "@/lib/jumpcloud/system-actions";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { tableState } from "@/lib/table/params";

export const metadata: Metadata = { title: "JumpCloud systems" };

export default async function Page(props: PageProps) {
  const {
    tenant,
    search,
    ignored,
    may: { "jumpcloud.write": canWrite },
  } = await vendorPage(props, {
    vendor: "jumpcloud",
    page: "/jumpcloud/systems",
    perm: "console.read",
    search: JumpcloudSystemSearch,
  });
  if (!tenant) return <Unavailable vendor="jumpcloud" title="JumpCloud systems" reason="tenant" />;
  const state = tableState(search);
  const osList = await systemOsList(db(), tenant.id);
  const { rows, total } = await listSystems(db(), tenant.id, state, systemFilter(search, osList));
  return (
    <>
      <PageHeader
        title={`JumpCloud systems · ${tenant.name}`}
        description={
          "Devices running the JumpCloud agent, from the last sync. Open one for its groups, bound users and " +
          "commands."
        }
        actions={
          canWrite ? (
            <ActionButton
              action={mdmRefreshDepDevices}
              input={{ tenantId: tenant.id }}
              label="Refresh DEP devices"
              success="JumpCloud is reading Apple Business Manager again."
              confirm={{
                title: "Refresh DEP devices",
                description:
                  "JumpCloud reads again the devices assigned to it in Apple Business Manager, so that newly " +
                  "bought Apple devices enrol automatically when first switched on.",
                confirmLabel: "Refresh",
              }}
            />
          ) : null
        }
      />
      <ParamNotices ignored={ignored} />
      <SystemsTable rows={rows} total={total} state={state} tenantId={tenant.id} osList={osList} />
    </>
  );
}
