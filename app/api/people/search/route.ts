import { can } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findPeople } from "@/lib/people/person-view";

export const dynamic = "force-dynamic";

/** The quick finder's look-up: people in the caller's tenants whose name, UPN or email contains the text. */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!can(staff.role, "console.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const [people, tenants] = await Promise.all([
    findPeople(db(), staff.tenantIds, q),
    db().tenant.findMany({ where: { id: { in: staff.tenantIds } }, select: { id: true, name: true } }),
  ]);
  const names = Object.fromEntries(tenants.map((t) => [t.id, t.name]));
  return Response.json(
    { people: people.map((p) => ({ id: p.id, email: p.emailNorm, name: p.displayName, tenant: names[p.tenantId] ?? "" })) },
    { headers: { "cache-control": "no-store" } },
  );
}
