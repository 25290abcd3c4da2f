import { z } from "zod";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Group } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { formerValues } from "../targets";
import {
  answered,
  type CachedGroup,
  cacheGroups,
  GROUP_ADMIN,
  GroupId,
  GroupName,
  groupBefore,
  groupRef,
} from "./_group";

type Item = { groupId: string; name: string; isActive: boolean };

export default operation<Item, { group: CachedGroup }, Group>({
  ...GROUP_ADMIN,
  id: "twingate.group.updated",
  label: "Rename or deactivate group",
  help: "Renames the group, or deactivates it: an inactive group gives its members no access.",
  risk: "reversible",
  idempotent: true,
  input: z.object({
    groupId: GroupId,
    name: GroupName,
    // A form's select says "true" or "false".
    isActive: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
  }),
  before: groupBefore(async (_ctx, _i, group) => ({ group })),
  expect: (i) => ({ name: i.name, isActive: i.isActive }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { groupId, name, isActive } = s.item;
    const group = await (ctx.client as TwingateClient).groupUpdate({ id: groupId, name, isActive });
    return answered(group, `group ${group.name} saved`);
  },
  cache: cacheGroups,
  inverse: {
    op: "twingate.group.updated",
    label: "Set it back",
    items: formerValues("twingate_group", "groupId", (b) =>
      typeof b.name === "string" && typeof b.isActive === "boolean" ? { name: b.name, isActive: b.isActive } : null,
    ),
  },
  audit: {
    targets: (i, s) => [groupRef(i.groupId, s?.group.name)],
    before: ([s]) => s && { name: s.state.group.name, isActive: s.state.group.isActive },
    after: ([d]) => {
      const group = d?.outcome.answer;
      return group && { name: group.name, isActive: group.isActive };
    },
  },
  done: "Saved",
  result: ([d]) => {
    const group = d?.outcome.answer;
    return group && { name: group.name };
  },
});
