import { z } from "zod";
import { streamOf } from "@/lib/audit/export";
import { bulkJobKind, bulkOperation } from "@/lib/bulk/catalogue";
import { bulkJobInScope, bulkJobTenant } from "@/lib/bulk/queries";
import { resultsCsv } from "@/lib/bulk/results-csv";
import { db } from "@/lib/db";
import { pathId, urlEnum } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";

export const dynamic = "force-dynamic";

/** The job's per-row results as CSV; `?only=failed` gives the rows to fix and upload again. */
export const GET = route(
  {
    name: "bulk.results_downloaded",
    perm: "console.read",
    params: z.object({ jobId: pathId(100) }),
    query: z.object({ only: urlEnum(["all", "failed"]).default("all") }),
    tenant: ({ params }) => bulkJobTenant(params.jobId),
    describe: ({ params }) => [{ type: "bulk_job", id: params.jobId }],
  },
  async ({ params, query }, { staff, found }) => {
    const target = { type: "bulk_job", id: params.jobId };
    const job = found(await bulkJobInScope(staff, params.jobId), target);
    const kind = bulkJobKind(job.operation);
    // A runbook's results name the person of each step row (its failed rows, the people to offboard again).
    const op = found(
      kind?.runbook ? { columns: kind.runbook.columns } : bulkOperation(job.operation),
      target,
      "has an operation the catalogue no longer lists",
    );
    const mode = query.only;
    const base =
      job.fileName
        .replace(/\.csv$/i, "")
        .replace(/[^\w.-]+/g, "_")
        .slice(0, 80) || "bulk";
    return new Response(streamOf(resultsCsv(db(), job.id, op as never, mode)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${base}-${mode === "failed" ? "failed-rows" : "results"}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
