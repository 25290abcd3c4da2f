"use server";
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

const Item = z.object({ userUpn: Upn, groupName: z.string().trim().min(1, "Choose a group."), machineName: z.string().trim().min(1, "Choose a machine.") });
type Item = z.output<typeof Item>;

/** The machine each (user, group) slot held in the cache before the change. */
async function cachedSlots(tenantId: string, items: Item[]) {
  const rows = await db().vendorEdge.findMany({
    where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null, fromId: { in: items.map((i) => i.userUpn), mode: "insensitive" } },
    select: { fromId: true, toId: true, attributes: true },
  });
  const key = (u: string, g: string) => `${u.toLowerCase()}|${g.toLowerCase()}`;
  const by = new Map(rows.map((r) => [key(r.fromId, r.toId), (r.attributes as { machineName?: string } | null)?.machineName ?? null]));
  return associationBefore(items.map((item) => ({ item, machine: by.get(key(item.userUpn, item.groupName)) ?? null })));
}

/**
 * The spelling TruGrid uses for known users and groups, so that the cache
 * row written after the change has the vendor id the sync will read back.
 */
async function canonical(tenantId: string, items: Item[]): Promise<Item[]> {
  const [users, groups] = await Promise.all([
    db().trugridUser.findMany({ where: { tenantId, deletedAt: null, emailNorm: { in: items.map((i) => i.userUpn.toLowerCase()) } }, select: { upn: true } }),
    db().vendorEdge.findMany({
      where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null, OR: items.map((i) => ({ toId: { equals: i.groupName, mode: "insensitive" as const } })) },
      distinct: ["toId"], select: { toId: true },
    }),
  ]);
  const upn = new Map(users.map((u) => [u.upn.toLowerCase(), u.upn]));
  const group = new Map(groups.map((g) => [g.toId.toLowerCase(), g.toId]));
  return items.map((i) => ({ ...i, userUpn: upn.get(i.userUpn.toLowerCase()) ?? i.userUpn, groupName: group.get(i.groupName.toLowerCase()) ?? i.groupName }));
}

/**
 * Sets or replaces user–machine associations in machine groups: a user
 * level change (operators). TruGrid keeps one machine per user per group;
 * each item's status is TruGrid's, verbatim. Undo puts replaced machines
 * back; a new association has no single-item removal call at TruGrid.
 */
export const setMachineAssociations = action(
  { name: "trugrid.machine_association.set", perm: "trugrid.user.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), items: z.array(Item).min(1, "Add at least one association.").max(100), undoOf: UndoOf }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: i.items.map(associationTarget) }) },
  async ({ tenantId, items: typed }, ctx) => {
    const client = await trugridClient(tenantId);
    const items = await canonical(tenantId, typed);
    ctx.audit.before = await cachedSlots(tenantId, items);
    const results = await vendorCall(() => client.setMachineAssociations(items));
    const outcomes: ItemOutcome[] = results.map((r) => ({ item: associationLabel(r.item), status: r.status, ok: r.ok }));
    ctx.audit.after = associationAfter(results);
    const out = summarise(outcomes, "Association set");
    for (const r of results) if (r.ok) await upsertAssociation(db(), tenantId, r.item);
    return out;
  },
);

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
