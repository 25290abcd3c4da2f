import { z } from "zod";
import { Upn } from "../../people/upn";
import { upsertAssociation } from "../../trugrid/cache";
import { trugridUserTarget } from "../../trugrid/targets";
import type { MachineAssociation, TruGridClient } from "../../vendors/trugrid";
import { type Done, operation } from "../operation";
import { associationsOf } from "./_associations";

/** One group's or one user's associations. */
type Item = { groupName?: string; userUpn?: string };
/** The cache rows of that slice before the read. */
type Cached = { id: string; vendorId: string }[];

const Item = z
  .object({ groupName: z.string().trim().min(1).optional(), userUpn: Upn.optional() })
  .refine((i) => (i.groupName ? 1 : 0) + (i.userUpn ? 1 : 0) === 1, "Give a group or a user.");

/** The cached associations TruGrid no longer lists. */
const goneOf = (d: Done<Item, Cached, MachineAssociation[]>) => {
  const seen = new Set((d.outcome.answer ?? []).map((r) => `${r.userUpn}|${r.groupName}`));
  return d.state.filter((c) => !seen.has(c.vendorId)).map((c) => c.id);
};

/** Re-reads associations from TruGrid into the cache, so the editor shows what TruGrid holds now. A read. */
export default operation<Item, Cached, MachineAssociation[]>({
  id: "trugrid.machine_association.reloaded",
  vendor: "trugrid",
  label: "Reload machine associations",
  help: "Reads one machine group's or one user's associations from TruGrid into the console's cache.",
  perm: "trugrid.read",
  risk: "read",
  idempotent: true,
  input: Item,
  chunk: 1,
  before: async (ctx, items) =>
    Promise.all(
      items.map(async (i) => {
        const slot = i.groupName
          ? { toId: { equals: i.groupName, mode: "insensitive" as const } }
          : { fromId: { equals: i.userUpn ?? "", mode: "insensitive" as const } };
        const where = { ...associationsOf(ctx.tenantId), ...slot };
        const state = await ctx.db.vendorEdge.findMany({ where, select: { id: true, vendorId: true } });
        return { state };
      }),
    ),
  expect: () => ({ cache: "as TruGrid lists it" }),
  call: async (ctx, [s]) => {
    const filter = s?.item.groupName ? { groupName: s.item.groupName } : { userUpn: s?.item.userUpn ?? "" };
    const answer = await (ctx.client as TruGridClient).getMachineAssociations(filter);
    return [{ ok: true, message: `${answer.length} listed`, answer }];
  },
  // What TruGrid lists is cached; what it no longer lists is marked deleted, as the sync does.
  cache: async (ctx, done) => {
    for (const d of done) {
      for (const r of d.outcome.answer ?? []) await upsertAssociation(ctx.db, ctx.tenantId, r);
      const gone = goneOf(d);
      const data = { deletedAt: new Date(), syncedAt: new Date() };
      if (gone.length) await ctx.db.vendorEdge.updateMany({ where: { id: { in: gone } }, data });
    }
  },
  audit: {
    targets: (i) => [
      i.groupName ? { type: "trugrid_machine_group", id: i.groupName } : trugridUserTarget(i.userUpn ?? ""),
    ],
    before: () => undefined,
    after: ([d]) => (d ? { read: d.outcome.answer?.length ?? 0, removedFromCache: goneOf(d).length } : undefined),
  },
  done: "Associations reloaded",
  result: ([d]) => {
    const n = d?.outcome.answer?.length ?? 0;
    return {
      message: `TruGrid lists ${n} association${n === 1 ? "" : "s"} for ${d?.item.groupName ?? d?.item.userUpn}.`,
    };
  },
});
