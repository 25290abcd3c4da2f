import { z } from "zod";
import { bulkJobInScope, bulkJobTenant, bulkJobView } from "@/lib/bulk/queries";
import { pathId } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";

export const dynamic = "force-dynamic";

/** Polled by the job page for the live progress bar; the same checks as the page. */
export const GET = route(
  {
    name: "bulk.progress_read",
    perm: "console.read",
    params: z.object({ jobId: pathId(100) }),
    tenant: ({ params }) => bulkJobTenant(params.jobId),
    describe: ({ params }) => [{ type: "bulk_job", id: params.jobId }],
  },
  async ({ params }, { staff, found }) => {
    const job = found(await bulkJobInScope(staff, params.jobId), { type: "bulk_job", id: params.jobId });
    return Response.json(await bulkJobView(job.id), { headers: { "cache-control": "no-store" } });
  },
);
