import { z } from "zod";
import { db } from "@/lib/db";
import { urlText } from "@/lib/params/fields";
import { findPeople } from "@/lib/people/person-view";
import { route } from "@/lib/routes/route";
import { tenantNames } from "@/lib/tenants/names";

export const dynamic = "force-dynamic";

/**
 * The quick finder's look-up: people in the caller's tenants (the query's own scope) whose name, UPN or email contains
 * the text.
 */
export const GET = route(
  {
    name: "people.searched",
    perm: "console.read",
    query: z.object({ q: urlText(200).default("") }),
    tenant: "global",
  },
  async ({ query }, { staff }) => {
    const [people, names] = await Promise.all([
      findPeople(db(), staff.tenantIds, query.q),
      tenantNames(db(), staff.tenantIds),
    ]);
    return Response.json(
      {
        people: people.map((p) => ({
          id: p.id,
          email: p.emailNorm,
          name: p.displayName,
          tenant: names.get(p.tenantId) ?? "",
        })),
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
);
