import { z } from "zod";
import { clearAssociations } from "../../trugrid/cache";
import type { UndoableEvent } from "../../undo/inverse";
import type { CacheContext } from "../operation";
import { targetIdOf } from "../targets";
import { associationsOf } from "./_associations";
import { clearOperation, groupsOf } from "./_clear";
import { domainOf } from "./_domain";

type Cached = { userUpn: string; groupName: string; machineName?: string }[];

const lc = (s: string) => s.toLowerCase();

/**
 * The associations an event recorded of the groups TruGrid said it cleared, each set again: what the cache knew
 * before (as of the last sync or reload), which is all anyone can know of them, since TruGrid lists none.
 */
function setBack(e: UndoableEvent) {
  const before = (e.before as { associations?: Cached } | null)?.associations;
  const cleared = (e.after as { cleared?: unknown } | null)?.cleared;
  if (!Array.isArray(before) || !Array.isArray(cleared)) return null;
  const wholeDomain = !targetIdOf(e.targets, "trugrid_machine_group");
  const groups = new Set(cleared.map((g) => lc(String(g))));
  const items = before.flatMap((a) =>
    a.machineName && (wholeDomain ? cleared.length > 0 : groups.has(lc(a.groupName)))
      ? [{ userUpn: a.userUpn, groupName: a.groupName, machineName: a.machineName }]
      : [],
  );
  return items.length ? items : null;
}

const Row = z.object({ group: z.string().trim().min(1, "group is empty").max(256) });
type Row = z.infer<typeof Row>;

/** What the cache holds of the groups named: their associations, with each one's machine. */
async function cachedOf(ctx: CacheContext, groups: string[]): Promise<Cached> {
  const rows = await ctx.db.vendorEdge.findMany({
    where: {
      ...associationsOf(ctx.tenantId),
      ...(groups.length ? { OR: groups.map((g) => ({ toId: { equals: g, mode: "insensitive" as const } })) } : {}),
    },
    select: { fromId: true, toId: true, attributes: true },
  });
  return rows.map((r) => ({ userUpn: r.fromId, groupName: r.toId, ...(r.attributes as object) }));
}

/** The groups TruGrid cleared, or "all" when it cleared the domain (any group it names). */
const clearedOf = (d: Parameters<typeof groupsOf>[0]): string[] | "all" => {
  const ok = groupsOf(d).filter((g) => g.ok);
  return d?.item.groups.length ? ok.map((g) => g.item) : ok.length ? "all" : [];
};

/** Domain-level: admins only. The cache drops what TruGrid cleared, as the next sync would. */
export default clearOperation<Cached>({
  id: "trugrid.machine_association.cleared",
  label: "Clear machine associations",
  help: "Clears every user–machine association of the chosen machine groups, or of the whole domain.",
  groupType: "trugrid_machine_group",
  unconfirmed: (domain) => `Type the domain name (${domain}) to clear every machine group's associations.`,
  send: (c, groups) => c.clearMachineAssociations(groups),
  cached: (ctx, { groups }) => cachedOf(ctx, groups),
  auditBefore: (cached) => ({ associations: cached }),
  cache: async (ctx, done) => {
    for (const d of done) {
      const cleared = clearedOf(d);
      if (cleared.length) await clearAssociations(ctx.db, ctx.tenantId, cleared);
    }
  },
  inverse: { op: "trugrid.machine_association.set", label: "Set them again", items: setBack },
  // One machine group per row; a group is known from its cached associations (TruGrid lists no groups).
  csv: {
    row: Row,
    columns: [
      {
        field: "group",
        header: "group",
        aliases: ["groupName", "machine group", "machinegroup"],
        required: true,
        example: "Remote Desktop Farm",
      },
    ],
    key: (r: Row) => lc(r.group),
    check: async (ctx, rows: Row[]) => {
      const domain = await domainOf(ctx);
      const cached = await cachedOf(
        ctx,
        rows.map((r) => r.group),
      );
      return rows.map((r) => {
        const of = cached.filter((a) => lc(a.groupName) === lc(r.group));
        if (!of.length)
          return { refused: `Unknown machine group: ${r.group} (no association of it in the last sync).` };
        return { state: { domain, cached: of }, plan: "update" as const };
      });
    },
    toItem: (r: Row) => ({ groups: [r.group] }),
  },
  done: "Associations cleared",
  // The cached associations of the groups TruGrid cleared, which the cache dropped.
  note: (d) => {
    const cleared = clearedOf(d);
    const gone = new Set(cleared === "all" ? [] : cleared.map(lc));
    const n = d.state.cached.filter((a) => cleared === "all" || gone.has(lc(a.groupName))).length;
    return `(${n} cached associations removed)`;
  },
});
