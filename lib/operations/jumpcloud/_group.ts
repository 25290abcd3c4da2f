import { z } from "zod";
import type { CacheContext } from "../operation";
import { JcId } from "./_user";

// What a group's own changes share (its name and description, its delete):
// a user group or a system group named by JumpCloud's id, read from the cache
// for the event's label and before.

export const GroupKind = z.enum(["user_group", "system_group"]);
export type GroupKind = z.infer<typeof GroupKind>;
export const GroupRef = z.object({ kind: GroupKind, groupId: JcId });

export const KIND_LABEL = { user_group: "user group", system_group: "system group" } as const;
export const NOT_CACHED = "No such JumpCloud group in this tenant's cache. Sync JumpCloud and try again.";

/** The group as the cache knows it: name, description and how many members it has. */
export type CachedGroup = { name: string; description: string; members: number };

export async function cachedGroup(
  ctx: CacheContext,
  i: { kind: GroupKind; groupId: string },
): Promise<CachedGroup | null> {
  const g = await ctx.db.vendorObject.findFirst({
    where: { tenantId: ctx.tenantId, vendor: "jumpcloud", kind: i.kind, vendorId: i.groupId, deletedAt: null },
    select: { name: true, raw: true },
  });
  if (!g) return null;
  const members = await ctx.db.vendorEdge.count({
    where: {
      tenantId: ctx.tenantId,
      vendor: "jumpcloud",
      kind: i.kind === "user_group" ? "user_group_member" : "system_group_member",
      fromId: i.groupId,
      deletedAt: null,
    },
  });
  const description = ((g.raw ?? {}) as { description?: string }).description ?? "";
  return { name: g.name ?? i.groupId, description, members };
}
