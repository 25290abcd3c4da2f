import { clearAssociations } from "../../trugrid/cache";
import { associationsOf } from "./_associations";
import { clearOperation, groupsOf } from "./_clear";

type Cached = { userUpn: string; groupName: string; machineName?: string }[];

const lc = (s: string) => s.toLowerCase();

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
  cached: async (ctx, { groups }) => {
    const rows = await ctx.db.vendorEdge.findMany({
      where: {
        ...associationsOf(ctx.tenantId),
        ...(groups.length ? { OR: groups.map((g) => ({ toId: { equals: g, mode: "insensitive" as const } })) } : {}),
      },
      select: { fromId: true, toId: true, attributes: true },
    });
    return rows.map((r) => ({ userUpn: r.fromId, groupName: r.toId, ...(r.attributes as object) }));
  },
  auditBefore: (cached) => ({ associations: cached }),
  cache: async (ctx, done) => {
    for (const d of done) {
      const cleared = clearedOf(d);
      if (cleared.length) await clearAssociations(ctx.db, ctx.tenantId, cleared);
    }
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
