import { z } from "zod";
import { cacheGroup } from "../../jumpcloud/cache";
import { groupTarget } from "../../jumpcloud/targets";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { Group } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";
import { targetIdOf } from "../targets";
import { GroupKind, KIND_LABEL } from "./_group";

type NewGroup = { kind: "user_group" | "system_group"; name: string; description: string };

/**
 * Creates a user group or a system group, empty, from the groups pages.
 * JumpCloud refuses a name a group of that kind already has (409).
 */
export default operation<NewGroup, null, Group>({
  id: "jumpcloud.group.created",
  vendor: "jumpcloud",
  label: "Create groups",
  help: "Creates an empty user group or system group, with a name no group of its kind has, and a description.",
  perm: "jumpcloud.write",
  risk: "reversible",
  // A second create of the same name is refused.
  idempotent: false,
  input: z.object({
    kind: GroupKind,
    name: z.string().trim().min(1, "A name is required").max(200),
    description: z.string().trim().max(1000).default(""),
  }),
  chunk: 1,
  name: (i) => i.name,
  // Something new: the cache has nothing before.
  before: async (_ctx, items) => items.map(() => ({ state: null, plan: "create" as const })),
  expect: (i) => i,
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { kind, name, description } = s.item;
    const body = { name, ...(description ? { description } : {}) };
    const group = await (ctx.client as JumpCloudClient).createGroup(kind === "user_group" ? "user" : "system", body);
    return [{ ok: true, message: `JumpCloud created the ${KIND_LABEL[kind]} ${group.name}.`, answer: group }];
  },
  // The group as JumpCloud answered, as the sync writes it.
  cache: async (ctx, done) => {
    for (const d of done) if (d.outcome.answer) await cacheGroup(ctx.db, ctx.tenantId, d.item.kind, d.outcome.answer);
  },
  // Undone by deleting it (an admin's call): whoever was added since goes with it, as the delete's event records.
  inverse: {
    op: "jumpcloud.group.deleted",
    label: "Delete the group",
    items: (e) => {
      const kind = GroupKind.safeParse((e.after as { kind?: unknown } | null)?.kind);
      if (!kind.success) return null;
      const groupId = targetIdOf(e.targets, `jumpcloud_${kind.data}`);
      return groupId && groupId !== "(new)" ? [{ kind: kind.data, groupId }] : null;
    },
  },
  // As the groups page records it: the new group by name until JumpCloud names its id, then what it holds.
  audit: {
    targets: (i, _s, group) =>
      group
        ? [groupTarget(i.kind, group.id, group.name)]
        : [{ type: `jumpcloud_${i.kind}`, id: "(new)", label: i.name }],
    before: () => undefined,
    after: (done) => {
      const d = done[0];
      const group = d?.outcome.answer;
      return d && group ? { kind: d.item.kind, name: group.name, description: group.description ?? "" } : undefined;
    },
  },
  done: "Created",
  // What the groups page opens: the new group.
  result: ([d]) => ({ id: d?.outcome.answer?.id ?? "", name: d?.outcome.answer?.name ?? d?.item.name ?? "" }),
});
