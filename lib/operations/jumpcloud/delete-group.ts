import { cacheEdgeDeleted } from "../../jumpcloud/cache";
import { groupTarget } from "../../jumpcloud/targets";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { operation } from "../operation";
import { type CachedGroup, cachedGroup, type GroupKind, GroupRef, KIND_LABEL, NOT_CACHED } from "./_group";

type Item = { kind: GroupKind; groupId: string };
/** What the group held: its members and bindings go with it. */
type State = CachedGroup & { memberIds: string[]; bound: string[] };

export default operation<Item, State>({
  id: "jumpcloud.group.deleted",
  vendor: "jumpcloud",
  label: "Delete groups",
  help:
    "Deletes a user group or system group: its members lose what the group gave them (systems, applications, " +
    "policies), and its bindings go.",
  perm: "jumpcloud.destructive",
  risk: "destructive",
  // A second delete finds no group.
  idempotent: false,
  input: GroupRef,
  chunk: 1,
  name: (i) => i.groupId,
  before: async (ctx, items) =>
    Promise.all(
      items.map(async (i) => {
        const g = await cachedGroup(ctx, i);
        if (!g) return { refused: NOT_CACHED };
        const live = { tenantId: ctx.tenantId, vendor: "jumpcloud" as const, deletedAt: null };
        const [members, bindings] = await Promise.all([
          ctx.db.vendorEdge.findMany({
            where: {
              ...live,
              kind: i.kind === "user_group" ? "user_group_member" : "system_group_member",
              fromId: i.groupId,
            },
            select: { toId: true },
            take: 1000,
          }),
          ctx.db.vendorEdge.findMany({
            where: {
              ...live,
              kind: "association",
              OR: [{ fromId: `${i.kind}:${i.groupId}` }, { toId: `${i.kind}:${i.groupId}` }],
            },
            select: { fromId: true, toId: true },
          }),
        ]);
        const end = `${i.kind}:${i.groupId}`;
        const bound = bindings.map((b) => (b.fromId === end ? b.toId : b.fromId));
        return { state: { ...g, memberIds: members.map((m) => m.toId), bound } };
      }),
    ),
  expect: () => null,
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { kind, groupId } = s.item;
    await (ctx.client as JumpCloudClient).deleteGroup(kind === "user_group" ? "user" : "system", groupId);
    return [{ ok: true, message: `JumpCloud: the ${KIND_LABEL[kind]} ${s.state.name} is deleted.` }];
  },
  // The group, its memberships and its bindings, as the next sync would find them.
  cache: async (ctx, done) => {
    for (const { item, state } of done) {
      await ctx.db.vendorObject.updateMany({
        where: {
          tenantId: ctx.tenantId,
          vendor: "jumpcloud",
          kind: item.kind,
          vendorId: item.groupId,
          deletedAt: null,
        },
        data: { deletedAt: new Date() },
      });
      const memberKind = item.kind === "user_group" ? "user_group_member" : "system_group_member";
      for (const m of state.memberIds) await cacheEdgeDeleted(ctx.db, ctx.tenantId, memberKind, item.groupId, m);
      const end = `${item.kind}:${item.groupId}`;
      await ctx.db.vendorEdge.updateMany({
        where: {
          tenantId: ctx.tenantId,
          vendor: "jumpcloud",
          kind: "association",
          deletedAt: null,
          OR: [{ fromId: end }, { toId: end }],
        },
        data: { deletedAt: new Date() },
      });
    }
  },
  irreversible: "JumpCloud keeps no deleted group: its name, members and bindings are in the event's before.",
  audit: {
    targets: (i, s) => [groupTarget(i.kind, i.groupId, s?.name)],
    before: ([s]) =>
      s && {
        name: s.state.name,
        description: s.state.description,
        members: s.state.members,
        memberIds: s.state.memberIds,
        bound: s.state.bound,
      },
    after: () => undefined,
  },
  done: "Deleted",
  result: ([d]) => d && { name: d.state.name },
});
