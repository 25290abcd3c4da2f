import { z } from "zod";
import { cacheGroup } from "../../jumpcloud/cache";
import { groupTarget } from "../../jumpcloud/targets";
import type { UndoableEvent } from "../../undo/inverse";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { Group } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";
import { type CachedGroup, cachedGroup, GroupKind, KIND_LABEL, NOT_CACHED } from "./_group";
import { JcId } from "./_user";

type Item = { kind: GroupKind; groupId: string; name: string; description: string };

/** The group and the name and description an event recorded before: the undo sets them back. */
const former = (e: UndoableEvent): Item[] | null => {
  const b = (e.before ?? {}) as Partial<Item>;
  const kind = GroupKind.safeParse(b.kind);
  if (!kind.success || typeof b.groupId !== "string" || typeof b.name !== "string") return null;
  return [{ kind: kind.data, groupId: b.groupId, name: b.name, description: b.description ?? "" }];
};

/** JumpCloud's PUT replaces the group: the name and description are sent whole. */
export default operation<Item, CachedGroup, Group>({
  id: "jumpcloud.group.updated",
  vendor: "jumpcloud",
  label: "Rename groups",
  help: "Changes a user group's or system group's name and description; its members and bindings stay.",
  perm: "jumpcloud.write",
  risk: "reversible",
  idempotent: true,
  input: z.object({
    kind: GroupKind,
    groupId: JcId,
    name: z.string().trim().min(1, "A name is required").max(200),
    description: z.string().trim().max(1000).default(""),
  }),
  chunk: 1,
  name: (i) => i.name,
  before: async (ctx, items) =>
    Promise.all(
      items.map(async (i) => {
        const g = await cachedGroup(ctx, i);
        if (!g) return { refused: NOT_CACHED };
        const same = g.name === i.name && g.description === i.description;
        return { state: g, plan: same ? ("no_change" as const) : ("update" as const) };
      }),
    ),
  nothingToDo: "The group already has this name and description.",
  expect: (i) => ({ name: i.name, description: i.description }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { kind, groupId, name, description } = s.item;
    const group = await (ctx.client as JumpCloudClient).updateGroup(
      kind === "user_group" ? "user" : "system",
      groupId,
      {
        name,
        description,
      },
    );
    return [
      { ok: true, message: `JumpCloud: the ${KIND_LABEL[kind]} ${s.state.name} is now ${group.name}.`, answer: group },
    ];
  },
  cache: async (ctx, done) => {
    for (const d of done) if (d.outcome.answer) await cacheGroup(ctx.db, ctx.tenantId, d.item.kind, d.outcome.answer);
  },
  inverse: { op: "jumpcloud.group.updated", label: "Rename back", items: former },
  audit: {
    targets: (i, s) => [groupTarget(i.kind, i.groupId, s?.name)],
    before: ([s]) =>
      s && { kind: s.item.kind, groupId: s.item.groupId, name: s.state.name, description: s.state.description },
    after: ([d]) =>
      d && {
        name: d.outcome.answer?.name ?? d.item.name,
        description: d.outcome.answer?.description ?? d.item.description,
      },
  },
  done: "Saved",
  result: ([d]) => d && { name: d.outcome.answer?.name ?? d.item.name },
});
