"use server";
import { actionOf } from "../operations/derive/action";
import clearMachineAssociationsOp from "../operations/trugrid/clear-machine-associations";
import setMachineAssociationsOp from "../operations/trugrid/set-machine-associations";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { Upn } from "../people/upn";
import { upsertAssociation } from "./cache";
import { trugridUserTarget } from "./targets";
import { trugridClient, vendorCall } from "./vendor";

/**
 * Sets or replaces user–machine associations in machine groups (operators);
 * defined in lib/operations/trugrid/set-machine-associations.ts.
 */
export const setMachineAssociations = actionOf<{
  tenantId: string;
  items: { userUpn: string; groupName: string; machineName: string }[];
  undoOf?: string;
}>(setMachineAssociationsOp);

/**
 * Clears machine associations of chosen groups, or of the whole domain when
 * no group is given (then the domain name must be typed, and is checked).
 * Domain-level: admins only; defined in lib/operations/trugrid/clear-machine-associations.ts.
 */
export const clearMachineAssociations = actionOf<{ tenantId: string; groups: string[]; confirm?: string }>(
  clearMachineAssociationsOp,
);

/**
 * Re-reads one group's or one user's associations from TruGrid into the
 * cache, so the editor shows what TruGrid holds now. A read: operators.
 */
export const reloadAssociations = action(
  { name: "trugrid.machine_association.reloaded", perm: "trugrid.read", mode: "external",
    input: z.object({ tenantId: z.string().min(1), groupName: z.string().trim().min(1).optional(), userUpn: Upn.optional() })
      .refine((i) => (i.groupName ? 1 : 0) + (i.userUpn ? 1 : 0) === 1, "Give a group or a user."),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: [i.groupName ? { type: "trugrid_machine_group", id: i.groupName } : trugridUserTarget(i.userUpn!)] }) },
  async ({ tenantId, groupName, userUpn }, ctx) => {
    const client = await trugridClient(tenantId);
    const rows = await vendorCall(() => client.getMachineAssociations(groupName ? { groupName } : { userUpn: userUpn! }));
    const slot = groupName ? { toId: { equals: groupName, mode: "insensitive" as const } } : { fromId: { equals: userUpn!, mode: "insensitive" as const } };
    const cached = await db().vendorEdge.findMany({ where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null, ...slot }, select: { id: true, vendorId: true } });
    const seen = new Set(rows.map((r) => `${r.userUpn}|${r.groupName}`));
    for (const r of rows) await upsertAssociation(db(), tenantId, r);
    const gone = cached.filter((c) => !seen.has(c.vendorId)).map((c) => c.id);
    if (gone.length) await db().vendorEdge.updateMany({ where: { id: { in: gone } }, data: { deletedAt: new Date(), syncedAt: new Date() } });
    ctx.audit.after = { read: rows.length, removedFromCache: gone.length };
    return { message: `TruGrid lists ${rows.length} association${rows.length === 1 ? "" : "s"} for ${groupName ?? userUpn}.` };
  },
);
