import { EXPORT_FORMATS, exportAuditEvents, streamOf, type ExportFormat } from "@/lib/audit/export";
import { AuditFilter } from "@/lib/audit/filter";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import { currentStaff, requestMeta } from "@/lib/auth/session";
import { db, pgPool } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * The filtered audit log as a download, streamed in keyset batches. The same
 * scope as the page applies, and the export itself is an audit event: who
 * took a copy of what.
 */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!can(staff.role, "audit.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format: ExportFormat = (EXPORT_FORMATS as readonly string[]).includes(params.format) ? (params.format as ExportFormat) : "csv";
  const filter = AuditFilter.parse(params);
  const describedFilter = Object.fromEntries(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== "before" && k !== "after").map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  const head = await db().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  await recordAudit(db(), {
    action: "audit.exported", actor: { id: staff.id, email: staff.email, name: staff.name }, ...(await requestMeta()),
    tenantId: filter.tenant && staff.tenantIds.includes(filter.tenant) ? filter.tenant : null,
    outcome: "success", after: { format, filter: describedFilter },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(streamOf(exportAuditEvents(pgPool(), staff, filter, format, { throughSeq: head?.seq ?? 0n })), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.${format === "csv" ? "csv" : "jsonl"}"`,
      "cache-control": "no-store",
    },
  });
}
