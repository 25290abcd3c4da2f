import { z } from "zod";
import { db } from "@/lib/db";
import { urlText } from "@/lib/params/fields";
import { findPeople } from "@/lib/people/person-view";
import { route } from "@/lib/routes/route";

export const dynamic = "force-dynamic";

/** The quick finder's look-up: people in the caller's tenants (the query's own scope) whose name, UPN or email contains the text. */
export const GET = route({
  name: "people.searched", perm: "console.read", query: z.object({ q: urlText(200).default("") }), tenant: "global",
}, async ({ query }, { staff }) => {
  const [people, tenants] = await Promise.all([
    findPeople(db(), staff.tenantIds, query.q),
    db().tenant.findMany({ where: { id: { in: staff.tenantIds } }, select: { id: true, name: true } }),
  ]);
  const names = Object.fromEntries(tenants.map((t) => [t.id, t.name]));
  return Response.json(
    { people: people.map((p) => ({ id: p.id, email: p.emailNorm, name: p.displayName, tenant: names[p.tenantId] ?? "" })) },
    { headers: { "cache-control": "no-store" } },
  );
});
