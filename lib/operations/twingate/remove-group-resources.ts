import { resourceAccessTarget } from "../../sync/twingate/targets";
import { cachedGrantsOf } from "../../twingate/access-cache";
import { cacheDelete } from "../../twingate/cache";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Group } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
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

type State = { group: CachedGroup; resources: string[] };

export default operation<ResourcesItem, State, Group>({
  ...GROUP_ADMIN,
  id: "twingate.group.resources_removed",
  label: "Take resources from group",
  help: "The group's members no longer reach these resources through it.",
  risk: "destructive",
  idempotent: true,
  input: ResourcesItem,
  before: groupBefore(async (ctx, i, group) => ({
    group,
    resources: resourceIds(await cachedGrantsOf(ctx.db, ctx.tenantId, i.groupId)),
  })),
  expect: (i, s) => ({ resources: s.resources.filter((r) => !i.resourceIds.includes(r)) }),
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
  irreversible: "No undo: the resources the group reached are in the event's before, to give again on its page.",
  audit: {
    targets: resourcesTargets,
    before: ([s]) => s && { resources: s.state.resources },
    after: ([d]) => d && { removed: d.item.resourceIds },
  },
  done: "Taken away",
  result: ([d]) => d && { group: d.outcome.answer?.name ?? d.state.group.name, removed: d.item.resourceIds.length },
});
