import { streamOf } from "@/lib/audit/export";
import { can } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/auth/session";
import { bulkJobKind, bulkOperation } from "@/lib/bulk/catalogue";
import { bulkJobInScope } from "@/lib/bulk/queries";
import { resultsCsv } from "@/lib/bulk/results-csv";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** The job's per-row results as CSV; `?only=failed` gives the rows to fix and upload again. */
export async function GET(request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const staff = await currentStaff();
  if (!staff) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!can(staff.role, "console.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const job = await bulkJobInScope(staff, (await params).jobId);
  const kind = job && bulkJobKind(job.operation);
  // A runbook's results name the person of each step row (its failed rows, the people to offboard again).
  const op = kind?.runbook ? { columns: kind.runbook.columns } : job && bulkOperation(job.operation);
  if (!job || !op) return Response.json({ error: "not found" }, { status: 404 });
  const mode = new URL(request.url).searchParams.get("only") === "failed" ? "failed" : "all";
  const base = job.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "bulk";
  return new Response(streamOf(resultsCsv(db(), job.id, op as never, mode)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${base}-${mode === "failed" ? "failed-rows" : "results"}.csv"`,
      "cache-control": "no-store",
    },
  });
}
