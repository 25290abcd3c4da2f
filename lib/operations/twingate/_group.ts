import { z } from "zod";
import type { AuditTarget } from "../../audit/event";
import type { AccessGrant } from "../../sync/twingate/documents";
import { groupTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import type { Group } from "../../vendors/twingate/schemas";
import type { Before, CacheContext, Done } from "../operation";

// What the group pages' administrative changes share (create, rename,
// delete, resources, policy): one group named by Twingate's id, read from
// the cache for the event's label and before, one write, and the group as
// Twingate answered written back as the sync writes it. Groups decide who
// reaches which resources under which policy: they are for admins. Each
// event's before holds what was there, which is what an undo sends back.

export const GroupId = z.string().trim().min(1).max(200);
export const ResourceIds = z.array(GroupId).min(1, "Choose at least one.").max(500);
export const GroupName = z.string().trim().min(1, "Enter a name.").max(200);

export const GROUP_ADMIN = {
  vendor: "twingate",
  perm: "twingate.network.write",
  chunk: 1,
  name: (i: { groupId: string }) => i.groupId,
} as const;

/** A group as the cache holds it: its name and the attributes the sync keeps. */
export type CachedGroup = { name: string; isActive: boolean | null; securityPolicyId: string | null };

export const GROUP_NOT_CACHED = "No such Twingate group in this tenant's cache. Sync Twingate and try again.";

export async function cachedGroup(ctx: CacheContext, groupId: string): Promise<CachedGroup | null> {
  const g = await ctx.db.vendorObject.findFirst({
    where: { tenantId: ctx.tenantId, vendor: "twingate", kind: "group", vendorId: groupId, deletedAt: null },
    select: { name: true, attributes: true },
  });
  if (!g) return null;
  const a = (g.attributes ?? {}) as { isActive?: boolean; securityPolicyId?: string | null };
  return { name: g.name ?? groupId, isActive: a.isActive ?? null, securityPolicyId: a.securityPolicyId ?? null };
}

/** Each item's group with what else the change reads of the cache; refused in the pages' words when not cached. */
export function groupBefore<I extends { groupId: string }, S extends { group: CachedGroup }>(
  more: (ctx: CacheContext, item: I, group: CachedGroup) => Promise<S | { refused: string }>,
) {
  return (ctx: CacheContext, items: I[]): Promise<Before<S, I>[]> =>
    Promise.all(
      items.map(async (i) => {
        const group = await cachedGroup(ctx, i.groupId);
        if (!group) return { refused: GROUP_NOT_CACHED };
        const state = await more(ctx, i, group);
        return "refused" in state ? state : { state };
      }),
    );
}

export const groupRef = (id: string, label?: string | null): AuditTarget => ({
  type: "twingate_group",
  id,
  ...(label ? { label } : {}),
});

/** A change of the resources a group reaches (one write for all of them). */
export type ResourcesItem = { groupId: string; resourceIds: string[] };
export const ResourcesItem = z.object({ groupId: GroupId, resourceIds: ResourceIds });

/** The group, then each resource changed. */
export const resourcesTargets = (i: ResourcesItem, s?: { group: CachedGroup }): AuditTarget[] => [
  groupRef(i.groupId, s?.group.name),
  ...i.resourceIds.map((id) => ({ type: "twingate_resource", id })),
];

/** The cached grants' resource ids: the resources the group reached before. */
export const resourceIds = (grants: AccessGrant[]) => grants.map((a) => a.resourceId);

/** The group as Twingate answered, written as the sync writes it. */
export async function cacheGroups(ctx: CacheContext, done: Done<object, unknown, Group>[]): Promise<void> {
  for (const d of done) if (d.outcome.answer) await cacheWrite(ctx.db, ctx.tenantId, groupTarget, d.outcome.answer);
}

/** A group change's outcome: Twingate's answer is the group. */
export const answered = (group: Group, what: string) => [{ ok: true, message: `Twingate: ${what}.`, answer: group }];
