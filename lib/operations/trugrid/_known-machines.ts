import type { CacheContext } from "../operation";
import { knownResources } from "./_assignments";

// TruGrid lists no machines or machine groups: the cache knows those seen in machine associations.

/** The names (lower-cased) of those given that the cache has seen as a machine, or as a machine group. */
export const knownAs = (kind: "machine" | "machine_group") => async (ctx: CacheContext, names: string[]) => {
  const found = await knownResources(ctx.db, ctx.tenantId, names);
  return new Set([...found].filter(([, k]) => k === kind).map(([name]) => name));
};
