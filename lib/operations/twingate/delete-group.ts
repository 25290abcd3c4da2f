import { z } from "zod";
import { groupTarget } from "../../sync/twingate/targets";
import { cacheDeleteGrants, cachedGrantsOf } from "../../twingate/access-cache";
import { cacheDelete } from "../../twingate/cache";
import type { TwingateClient } from "../../vendors/twingate/client";
import { operation } from "../operation";
import { type CachedGroup, GROUP_ADMIN, GroupId, groupBefore, groupRef, resourceIds } from "./_group";

/** What the group held: its members and the resources it reached are gone with it. */
type State = { group: CachedGroup; members: number; resources: string[] };

export default operation<{ groupId: string }, State>({
  ...GROUP_ADMIN,
  id: "twingate.group.deleted",
  label: "Delete group",
  help: "Deletes the group: its members lose the access it gives to its resources.",
  risk: "destructive",
  // A second delete finds no group.
  idempotent: false,
  input: z.object({ groupId: GroupId }),
  before: groupBefore(async (ctx, i, group) => {
    const members = await ctx.db.vendorEdge.count({
      where: { tenantId: ctx.tenantId, vendor: "twingate", kind: "group_member", fromId: i.groupId, deletedAt: null },
    });
    return { group, members, resources: resourceIds(await cachedGrantsOf(ctx.db, ctx.tenantId, i.groupId)) };
  }),
  expect: () => null,
  call: async (ctx, [s]) => {
    if (!s) return [];
    await (ctx.client as TwingateClient).groupDelete(s.item.groupId);
    return [{ ok: true, message: `Twingate: group ${s.state.group.name} deleted.` }];
  },
  // The group, its membership edges and its grants, as the next sync would find them.
  cache: async (ctx, done) => {
    for (const { item } of done) {
      await cacheDelete(ctx.db, ctx.tenantId, groupTarget as never, [item.groupId]);
      await ctx.db.vendorEdge.updateMany({
        where: {
          tenantId: ctx.tenantId,
          vendor: "twingate",
          kind: "group_member",
          fromId: item.groupId,
          deletedAt: null,
        },
        data: { deletedAt: new Date() },
      });
      await cacheDeleteGrants(ctx.db, ctx.tenantId, { principalId: item.groupId });
    }
  },
  irreversible: "Twingate keeps no deleted group; its members and resources are in the event's before.",
  audit: {
    targets: (i, s) => [groupRef(i.groupId, s?.group.name)],
    before: ([s]) => s && { name: s.state.group.name, members: s.state.members, resources: s.state.resources },
    after: () => undefined,
  },
  done: "Deleted",
  result: ([d]) => d && { name: d.state.group.name },
});
