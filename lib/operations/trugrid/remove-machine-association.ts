import { z } from "zod";
import type { Db } from "../../db/client";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { associationTarget } from "../../trugrid/association-audit";
import { clearAssociations, upsertAssociation } from "../../trugrid/cache";
import { failureMessage } from "../../vendors/core/vendor-message";
import type { TruGridClient } from "../../vendors/trugrid";
import { type Checked, type OpContext, type Outcome, operation, type Sent } from "../operation";
import { associationsOf } from "./_associations";

type Item = { upn: string; groupName: string };
const Item = z.object({ upn: Upn, groupName: z.string().min(1).max(256) });
/** The user's machine in the group as the cache knows it (null: none), and how many others the group holds. */
type Slot = { groupName: string; machineName: string | null };

const lc = (s: string) => s.toLowerCase();
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

async function cachedSlot(db: Db, tenantId: string, r: Item) {
  const edges = await db.vendorEdge.findMany({
    where: { ...associationsOf(tenantId), toId: { equals: r.groupName, mode: "insensitive" } },
    select: { fromId: true, attributes: true },
  });
  const mine = edges.find((e) => lc(e.fromId) === lc(r.upn));
  const machine = mine ? ((mine.attributes as { machineName?: string } | null)?.machineName ?? null) : undefined;
  return { machine, others: edges.length - (mine ? 1 : 0) };
}

/** The plan of a row: no change when the cache knows no association of the user in the group. */
async function planned(db: Db, tenantId: string, r: Item): Promise<Checked<Slot>> {
  const { machine, others } = await cachedSlot(db, tenantId, r);
  const none = { groupName: r.groupName, machineName: null };
  if (machine === undefined) return { state: none, plan: "no_change", after: none };
  const how = `group cleared, ${plural(others, "other association")} set again`;
  return { state: { groupName: r.groupName, machineName: machine }, plan: "update", after: { ...none, how } };
}

/**
 * One group's read–clear–set cycle for the users leaving it, under a lock per
 * group: two cycles on the same group at once (another lane, another job)
 * would each set back the user the other removed. The cache is kept in step
 * within the cycle, since it is the cycle that knows what the others are.
 */
async function removeFromGroup(ctx: OpContext, groupName: string, leaving: Item[], out: Map<Item, Outcome>) {
  const client = ctx.client as TruGridClient;
  const group = lc(groupName);
  await ctx.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`trugrid-group:${ctx.tenantId}:${group}`}))`;
      const live = await client.getMachineAssociations({ groupName });
      const gone = new Set(leaving.map((r) => lc(r.upn)));
      const mine = live.filter((a) => gone.has(lc(a.userUpn)));
      const others = live.filter((a) => !gone.has(lc(a.userUpn)));
      const machineOf = (r: Item) => mine.find((a) => lc(a.userUpn) === lc(r.upn))?.machineName;
      if (mine.length) {
        const [cleared] = await client.clearMachineAssociations([groupName]);
        if (!cleared?.ok) {
          const message = `TruGrid: ${cleared?.status ?? "no answer for the group"}`;
          for (const r of leaving) out.set(r, { ok: false, message });
          return;
        }
      }
      await clearAssociations(ctx.db, ctx.tenantId, [groupName]);
      const refused: string[] = [];
      if (mine.length) {
        for (let i = 0; i < others.length; i += 100) {
          for (const res of await client.setMachineAssociations(others.slice(i, i + 100))) {
            if (res.ok) await upsertAssociation(ctx.db, ctx.tenantId, res.item);
            else refused.push(`${res.item.userUpn} → ${res.item.machineName}: ${res.status}`);
          }
        }
      } else {
        // Nothing was cleared: the cache keeps the others as TruGrid has them.
        for (const a of others) await upsertAssociation(ctx.db, ctx.tenantId, a);
      }
      const kept = `${plural(others.length - refused.length, "other association")} set again`;
      for (const r of leaving) {
        const machine = machineOf(r);
        const head = `TruGrid: ${r.upn} → ${machine} removed from ${groupName}`;
        if (!machine) {
          out.set(r, { ok: true, message: `TruGrid: ${r.upn} has no association in ${groupName} (already removed).` });
        } else if (refused.length) {
          const what = `${refused.length} of ${others.length} other associations could not be set again`;
          out.set(r, { ok: false, message: `${head}, but ${what}: ${refused.join("; ")}` });
        } else out.set(r, { ok: true, message: `${head}; ${kept}.` });
      }
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/**
 * TruGrid has no call that removes one user's association: it clears a whole
 * machine group. So the group's associations are read from TruGrid just
 * before, the group is cleared, and every other user's association is set
 * again. Only a runbook offers it (no page could say what else it touches);
 * not resent blindly after a crash (the others could be lost between the
 * clear and the set): `verify` asks TruGrid whether the user still has one.
 */
export default operation<Item, Slot>({
  id: "trugrid.machine_association.removed",
  vendor: "trugrid",
  label: "Remove machine association",
  help:
    "Removes the user's machine association in a group: TruGrid can only clear a whole group, so the group is " +
    "cleared and the other users' associations (read from TruGrid just before) are set again.",
  perm: "offboarding.run",
  risk: "reversible",
  idempotent: false,
  input: Item,
  chunk: 100,
  surfaces: ["runbook"],
  before: async (ctx, items) =>
    Promise.all(
      items.map(async (i) => {
        const p = await planned(ctx.db, ctx.tenantId, i);
        return { state: p.state as Slot, plan: p.plan };
      }),
    ),
  expect: (i) => ({ groupName: i.groupName, machineName: null }),
  call: async (ctx, chunk: Sent<Item, Slot>[]) => {
    const out = new Map<Item, Outcome>();
    const byGroup = new Map<string, Item[]>();
    for (const { item } of chunk) byGroup.set(lc(item.groupName), [...(byGroup.get(lc(item.groupName)) ?? []), item]);
    for (const leaving of byGroup.values()) {
      try {
        await removeFromGroup(ctx, leaving[0]?.groupName ?? "", leaving, out);
      } catch (err) {
        for (const r of leaving) if (!out.has(r)) out.set(r, { ok: false, message: failureMessage(err) });
      }
    }
    return chunk.map((s) => out.get(s.item) ?? { ok: false, message: "No answer for this item." });
  },
  verify: async (ctx, { item }) => {
    try {
      const live = await (ctx.client as TruGridClient).getMachineAssociations({ userUpn: item.upn });
      return !live.some((a) => lc(a.groupName) === lc(item.groupName));
    } catch {
      return null;
    }
  },
  // The user's machine in the group is set again (TruGrid refuses it if the machine went to someone else meanwhile).
  inverse: {
    op: "trugrid.machine_association.set",
    label: "Set the association again",
    items: (e) => {
      const b = (e.before ?? {}) as { userUpn?: string; groupName?: string; machineName?: string | null };
      return b.userUpn && b.groupName && b.machineName
        ? [{ userUpn: b.userUpn, groupName: b.groupName, machineName: b.machineName }]
        : null;
    },
  },
  audit: {
    targets: (i, s) => [
      associationTarget({ userUpn: i.upn, groupName: i.groupName, machineName: s?.machineName ?? "?" }),
    ],
    // What the undo sets again: the user's machine in the group.
    before: ([s]) => ({
      userUpn: s?.item.upn,
      groupName: s?.item.groupName,
      machineName: s?.state?.machineName ?? null,
    }),
    after: ([d]) => ({ userUpn: d?.item.upn, groupName: d?.item.groupName, machineName: null }),
  },
  // A runbook's rows are items already, built from the person; no sheet's columns.
  csv: {
    row: Item,
    columns: [],
    key: (r: Item) => `${normEmail(r.upn)}|${lc(r.groupName)}`,
    check: (ctx, rows: Item[]) => Promise.all(rows.map((r) => planned(ctx.db, ctx.tenantId, r))),
  },
  formerBulkId: "offboarding.trugrid_association_remove",
  done: "Association removed",
});
