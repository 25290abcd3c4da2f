import type { CacheContext } from "../operation";

// A sheet names a JumpCloud system by its hostname, display name or id, in
// any case, as of the last sync; a name two systems share is refused rather
// than guessed, and the refusal lists their ids so the sheet can say which.

const OBJECT_ID = /^[a-f0-9]{24}$/i;

export type NamedSystem = { vendorId: string; hostname: string | null; displayName: string | null };

/** The name a person knows a system by. */
export const systemName = (s: NamedSystem) => s.displayName || s.hostname || s.vendorId;

/** The cached systems the names could mean: a function answering the one system a name means, or why not. */
export async function systemsNamed(ctx: CacheContext, names: string[]) {
  const wanted = [...new Set(names)];
  const systems = wanted.length
    ? await ctx.db.jumpcloudSystem.findMany({
        where: {
          tenantId: ctx.tenantId,
          deletedAt: null,
          OR: [
            { hostname: { in: wanted, mode: "insensitive" } },
            { displayName: { in: wanted, mode: "insensitive" } },
            { vendorId: { in: wanted.filter((n) => OBJECT_ID.test(n)).map((n) => n.toLowerCase()) } },
          ],
        },
        select: { vendorId: true, hostname: true, displayName: true },
      })
    : [];
  return {
    systems,
    find: (name: string, shown = name): NamedSystem | { refused: string } => {
      const want = name.toLowerCase();
      const byId = systems.filter((s) => s.vendorId.toLowerCase() === want);
      const named = systems.filter((s) => s.hostname?.toLowerCase() === want || s.displayName?.toLowerCase() === want);
      const found = byId.length ? byId : named;
      const [s] = found;
      if (!s) {
        return {
          refused:
            `Unknown system: ${shown} is not the hostname, display name or ID of a JumpCloud system of this ` +
            "tenant (as of the last sync).",
        };
      }
      if (found.length > 1) {
        const ids = found.map((x) => x.vendorId).join(", ");
        return {
          refused:
            `Ambiguous system: ${found.length} JumpCloud systems are named ${shown} (${ids}); ` +
            "give the system's ID instead.",
        };
      }
      return s;
    },
  };
}
