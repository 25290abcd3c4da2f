import { db } from "@/lib/db";
import { urlId } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";
import { csvDownload } from "@/lib/table/csv-response";
import { recordExport } from "@/lib/table/export-audit";
import { tenantNames } from "@/lib/tenants/names";
import { DeviceTableSearch, deviceTable } from "@/lib/truu/device-filters";
import { DEVICE_CSV_HEADER, deviceExportSql } from "@/lib/truu/export-devices";

export const dynamic = "force-dynamic";

/**
 * Every TruU device matching the devices table's URL filters, as CSV,
 * streamed from Postgres. The same checks as the page: a session, read
 * access, and a tenant in the caller's scope (another tenant is "not found").
 */
export const GET = route(
  {
    name: "truu.device.exported",
    perm: "console.read",
    query: DeviceTableSearch.extend({ tenantId: urlId() }),
    tenant: ({ query }) => query.tenantId,
  },
  async ({ query }, { staff, meta, found }) => {
    const { tenantId } = query;
    const tenantName = found((await tenantNames(db(), [tenantId])).get(tenantId), { type: "tenant", id: tenantId });
    const { state, filter } = deviceTable(query);
    await recordExport(db(), staff, meta, {
      action: "truu.device.exported",
      tenantId,
      vendor: "truu",
      target: { type: "truu_devices", id: tenantId, label: tenantName },
      filter: { q: state.q, sort: state.sort, dir: state.dir, ...filter },
    });
    const slug =
      tenantName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "tenant";
    return csvDownload(`truu-devices-${slug}`, DEVICE_CSV_HEADER, deviceExportSql(tenantId, state, filter));
  },
);
