import { z } from "zod";
import { urlId } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";
import { syncOverview } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

/** Polled by the Sync page for live progress; the same checks as the page itself. */
export const GET = route(
  {
    name: "sync.runs_read",
    perm: "console.read",
    query: z.object({ tenantId: urlId() }),
    tenant: ({ query }) => query.tenantId,
  },
  async ({ query }, { staff, found }) => {
    const overview = found(await syncOverview(staff, query.tenantId), { type: "tenant", id: query.tenantId });
    return Response.json(overview, { headers: { "cache-control": "no-store" } });
  },
);
