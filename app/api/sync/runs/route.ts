import { can } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/auth/session";
import { syncOverview } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

/** Polled by the Sync page for live progress; the same checks as the page itself. */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!can(staff.role, "console.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const tenantId = new URL(request.url).searchParams.get("tenantId") ?? "";
  const overview = await syncOverview(staff, tenantId);
  if (!overview) return Response.json({ error: "not found" }, { status: 404 });
  return Response.json(overview, { headers: { "cache-control": "no-store" } });
}
