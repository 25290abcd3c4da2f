import type { AccessGrant } from "../../sync/twingate/documents";
import { resourceAccessTarget } from "../../sync/twingate/targets";
import { cachedGrantsOf } from "../../twingate/access-cache";
import { cacheDelete } from "../../twingate/cache";
import type { UndoableEvent } from "../../undo/inverse";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Group } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { targetIdOf } from "../targets";
import {
  answered,
  type CachedGroup,
  cacheGroups,
  GROUP_ADMIN,
  groupBefore,
  ResourcesItem,
  resourceIds,
  resourcesTargets,
} from "./_group";

type State = { group: CachedGroup; grants: AccessGrant[] };

/** A grant taken away, as the event's before keeps it: enough to give it back as it was. */
type Taken = { resourceId: string; securityPolicyId: string | null; expiresAt: string | null };

const takenOf = (grants: AccessGrant[], removed: string[]): Taken[] =>
  grants
    .filter((a) => removed.includes(a.resourceId))
    .map((a) => ({ resourceId: a.resourceId, securityPolicyId: a.securityPolicy?.id ?? null, expiresAt: a.expiresAt }));

/**
 * Undone by giving the group each resource back, one resource at a time, with the policy and expiry its grant had
 * (a bare group update would give them back under the default policy, with no expiry). Only the grants the group
 * had are given back: a resource it did not reach was not taken from it.
 */
function giveBack(e: UndoableEvent): Record<string, unknown>[] | null {
  const groupId = targetIdOf(e.targets, "twingate_group");
  const taken = (e.before as { taken?: unknown } | null)?.taken;
  if (!groupId || !Array.isArray(taken)) return null;
  const items = taken.flatMap((t: Partial<Record<keyof Taken, unknown>>) =>
    typeof t.resourceId === "string"
      ? [
          {
            resourceId: t.resourceId,
            grants: [
              {
                principalId: groupId,
                ...(typeof t.securityPolicyId === "string" ? { securityPolicyId: t.securityPolicyId } : {}),
                ...(typeof t.expiresAt === "string" ? { expiresAt: t.expiresAt } : {}),
              },
            ],
          },
        ]
      : [],
  );
  return items.length ? items : null;
}

export default operation<ResourcesItem, State, Group>({
  ...GROUP_ADMIN,
  id: "twingate.group.resources_removed",
  label: "Take resources from group",
  help: "The group's members no longer reach these resources through it.",
  risk: "reversible",
  idempotent: true,
  input: ResourcesItem,
  before: groupBefore(async (ctx, i, group) => ({
    group,
    grants: await cachedGrantsOf(ctx.db, ctx.tenantId, i.groupId),
  })),
  expect: (i, s) => ({ resources: resourceIds(s.grants).filter((r) => !i.resourceIds.includes(r)) }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { groupId, resourceIds: removed } = s.item;
    const group = await (ctx.client as TwingateClient).groupUpdate({ id: groupId, removedResourceIds: removed });
    return answered(group, `the group reaches ${removed.length} fewer`);
  },
  cache: async (ctx, done) => {
    await cacheGroups(ctx, done);
    for (const { item } of done) {
      const grants = item.resourceIds.map((r) => `${r}|${item.groupId}`);
      await cacheDelete(ctx.db, ctx.tenantId, resourceAccessTarget as never, grants);
    }
  },
  inverse: { op: "twingate.resource.access_added", label: "Give them back", items: giveBack },
  audit: {
    targets: resourcesTargets,
    before: ([s]) =>
      s && { resources: resourceIds(s.state.grants), taken: takenOf(s.state.grants, s.item.resourceIds) },
    after: ([d]) => d && { removed: d.item.resourceIds },
  },
  done: "Taken away",
  result: ([d]) => d && { group: d.outcome.answer?.name ?? d.state.group.name, removed: d.item.resourceIds.length },
});
