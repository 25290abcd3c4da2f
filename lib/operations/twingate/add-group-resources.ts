import type { AccessGrant } from "../../sync/twingate/documents";
import { resourceAccessTarget } from "../../sync/twingate/targets";
import { cachedGrantsOf } from "../../twingate/access-cache";
import { cacheWrite } from "../../twingate/cache";
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

/** The grant as the sync stores it: the one the group had (its policy kept), else a new one under the default. */
function grantFor(groupId: string, groupName: string, resourceId: string, prev: AccessGrant | undefined): AccessGrant {
  return (
    prev ?? {
      resourceId,
      principal: { __typename: "Group", id: groupId, name: groupName },
      securityPolicy: null,
      expiresAt: null,
      usageBasedAutolockDurationDays: null,
    }
  );
}

export default operation<ResourcesItem, State, Group>({
  ...GROUP_ADMIN,
  id: "twingate.group.resources_added",
  label: "Give group resources",
  help: "The group's members reach these resources, under the group's policy.",
  risk: "reversible",
  idempotent: true,
  input: ResourcesItem,
  before: groupBefore(async (ctx, i, group) => ({
    group,
    grants: await cachedGrantsOf(ctx.db, ctx.tenantId, i.groupId),
  })),
  expect: (i, s) => ({ resources: [...new Set([...resourceIds(s.grants), ...i.resourceIds])] }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { groupId, resourceIds: added } = s.item;
    const group = await (ctx.client as TwingateClient).groupUpdate({ id: groupId, addedResourceIds: added });
    return answered(group, `the group now reaches ${added.length} more`);
  },
  cache: async (ctx, done) => {
    await cacheGroups(ctx, done);
    for (const { item, state, outcome } of done) {
      const prev = new Map(state.grants.map((a) => [a.resourceId, a]));
      const name = outcome.answer?.name ?? state.group.name;
      for (const r of item.resourceIds) {
        await cacheWrite(ctx.db, ctx.tenantId, resourceAccessTarget, grantFor(item.groupId, name, r, prev.get(r)));
      }
    }
  },
  // Undone by taking away the resources it gave (those the group reached before stay, as the event's after names only
  // the new ones).
  inverse: {
    op: "twingate.group.resources_removed",
    label: "Take them away again",
    items: (e) => {
      const groupId = targetIdOf(e.targets, "twingate_group");
      const added = (e.after as { added?: unknown } | null)?.added;
      const ids = Array.isArray(added) ? added.filter((r): r is string => typeof r === "string") : [];
      return groupId && ids.length ? [{ groupId, resourceIds: ids }] : null;
    },
  },
  audit: {
    targets: resourcesTargets,
    before: ([s]) => s && { resources: resourceIds(s.state.grants) },
    after: ([d]) => {
      const had = new Set(resourceIds(d?.state.grants ?? []));
      return d && { added: d.item.resourceIds.filter((r) => !had.has(r)) };
    },
  },
  done: "Given",
  result: ([d]) => d && { group: d.outcome.answer?.name ?? d.state.group.name, added: d.item.resourceIds.length },
});
