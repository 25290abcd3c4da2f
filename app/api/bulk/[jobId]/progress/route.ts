import { can } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/auth/session";
import { bulkJobInScope, bulkJobView } from "@/lib/bulk/queries";

export const dynamic = "force-dynamic";

/** Polled by the job page for the live progress bar; the same checks as the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const staff = await currentStaff();
  if (!staff) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!can(staff.role, "console.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const job = await bulkJobInScope(staff, (await params).jobId);
  if (!job) return Response.json({ error: "not found" }, { status: 404 });
  return Response.json(await bulkJobView(job.id), { headers: { "cache-control": "no-store" } });
}
