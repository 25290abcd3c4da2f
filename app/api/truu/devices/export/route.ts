import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import { currentStaff, requestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { streamCsv } from "@/lib/table/csv-stream";
import { readDeviceTable } from "@/lib/truu/device-filters";
import { DEVICE_CSV_HEADER, deviceExportSql } from "@/lib/truu/export-devices";

export const dynamic = "force-dynamic";

/**
 * Every TruU device matching the devices table's URL filters, as CSV,
 * streamed from Postgres. The same checks as the page: a session, read
 * access, and a tenant in the caller's scope (another tenant is "not found").
 */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!can(staff.role, "console.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const url = new URL(request.url);
  const tenantId = url.searchParams.get("tenantId") ?? "";
  if (!staff.tenantIds.includes(tenantId)) return Response.json({ error: "not found" }, { status: 404 });
  const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
  if (!tenant) return Response.json({ error: "not found" }, { status: 404 });

  const { state, filter } = readDeviceTable(Object.fromEntries(url.searchParams));
  // Exports take data out of the console: who took what is in the audit log.
  await recordAudit(db(), {
    action: "truu.device.exported", actor: { id: staff.id, email: staff.email, name: staff.name }, ...(await requestMeta()),
    tenantId, vendor: "truu", outcome: "success", targets: [{ type: "truu_devices", id: tenantId, label: tenant.name }],
    after: { q: state.q, sort: state.sort, dir: state.dir, ...filter },
  });
  const slug = tenant.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "tenant";
  const file = `truu-devices-${slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(streamCsv(DEVICE_CSV_HEADER, deviceExportSql(tenantId, state, filter)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
