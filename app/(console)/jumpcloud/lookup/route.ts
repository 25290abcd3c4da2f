import { z } from "zod";
import { db } from "@/lib/db";
import { type LookupKind, lookup } from "@/lib/jumpcloud/queries";
import { urlEnum, urlText } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";
import { currentTenant } from "@/lib/tenants/scope";

const KINDS = ["user", "system", "user_group", "system_group"] as const satisfies readonly LookupKind[];

/** Suggestions for the add-member and add-association pickers, from the current tenant's cache. */
export const GET = route(
  {
    name: "jumpcloud.lookup_read",
    perm: "console.read",
    query: z.object({ kind: urlEnum(KINDS), q: urlText(200).default("") }),
    tenant: async (_input, staff) => (await currentTenant(staff))?.id,
  },
  async ({ query }, { tenantId }) => Response.json(await lookup(db(), tenantId, query.kind, query.q)),
);
