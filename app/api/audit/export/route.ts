import { EXPORT_FORMATS, exportAuditEvents, lastAuditSeq, streamOf } from "@/lib/audit/export";
import { AuditFilter } from "@/lib/audit/filter";
import { personTargets } from "@/lib/audit/person-targets";
import { recordAudit } from "@/lib/audit/record";
import { db, pgPool } from "@/lib/db";
import { urlEnum } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";

export const dynamic = "force-dynamic";

const Query = AuditFilter.extend({ format: urlEnum(EXPORT_FORMATS).default("csv") });

/**
 * The filtered audit log as a download, streamed in keyset batches. The same
 * scope as the page applies (in the query: a filter on another tenant matches
 * nothing), and the export itself is an audit event: who took a copy of what.
 */
export const GET = route(
  { name: "audit.exported", perm: "audit.read", query: Query, tenant: "global" },
  async ({ query }, { staff, meta }) => {
    const { format, ...filter } = query;
    const describedFilter = Object.fromEntries(
      Object.entries(filter)
        .filter(([k, v]) => v !== undefined && k !== "before" && k !== "after")
        .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
    );
    const throughSeq = await lastAuditSeq(db());
    const person = filter.person ? await personTargets(db(), staff, filter.person) : null;
    await recordAudit(db(), {
      action: "audit.exported",
      actor: { id: staff.id, email: staff.email, name: staff.name },
      ...meta,
      tenantId: filter.tenant && staff.tenantIds.includes(filter.tenant) ? filter.tenant : null,
      outcome: "success",
      after: { format, filter: describedFilter },
    });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(streamOf(exportAuditEvents(pgPool(), staff, filter, format, { throughSeq, person })), {
      headers: {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${stamp}.${format === "csv" ? "csv" : "jsonl"}"`,
        "cache-control": "no-store",
      },
    });
  },
);
