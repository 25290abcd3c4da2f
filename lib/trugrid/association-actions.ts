"use server";
import { actionOf } from "../operations/derive/action";
import setMachineAssociationsOp from "../operations/trugrid/set-machine-associations";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { Upn } from "../people/upn";
import { UndoOf } from "../undo/undo-of";
import { associationAfter, associationBefore, associationLabel, associationTarget } from "./association-audit";
import { clearAssociations, upsertAssociation } from "./cache";
import { statusesOf, summarise, type ItemOutcome } from "./item-outcome";
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
 * no group is given (then the domain name must be typed, and is checked
 * here). Domain-level: admins only.
 */
export const clearMachineAssociations = action(
  { name: "trugrid.machine_association.cleared", perm: "trugrid.domain.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), groups: z.array(z.string().trim().min(1)).max(500), confirm: z.string().trim().optional() }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: i.groups.length ? i.groups.map((g) => ({ type: "trugrid_machine_group", id: g })) : [{ type: "trugrid_domain", id: i.tenantId }] }) },
  async ({ tenantId, groups, confirm }, ctx) => {
    const client = await trugridClient(tenantId);
    const all = groups.length === 0;
    if (all && confirm?.toLowerCase() !== client.domainName.toLowerCase()) throw new ActionError(`Type the domain name (${client.domainName}) to clear every machine group's associations.`);
    if (all) ctx.audit.targets = [{ type: "trugrid_domain", id: client.domainName }];
    const before = await db().vendorEdge.findMany({
      where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null, ...(all ? {} : { OR: groups.map((g) => ({ toId: { equals: g, mode: "insensitive" as const } })) }) },
      select: { fromId: true, attributes: true },
    });
    ctx.audit.before = { associations: before.map((b) => ({ userUpn: b.fromId, ...(b.attributes as object) })) };
    const results = await vendorCall(() => client.clearMachineAssociations(groups));
    const outcomes: ItemOutcome[] = results.map((r, i) => ({ item: r.item ?? groups[i] ?? "(domain)", status: r.status, ok: r.ok }));
    ctx.audit.after = { statuses: statusesOf(outcomes) };
    const out = summarise(outcomes, "Associations cleared");
    const cleared = await clearAssociations(db(), tenantId, all ? "all" : out.succeeded);
    return { ...out, message: `${out.message} (${cleared} cached associations removed)` };
  },
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
