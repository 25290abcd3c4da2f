import { z } from "zod";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Group } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { createdObject } from "../targets";
import { answered, cacheGroups, GROUP_ADMIN, GroupName, groupRef } from "./_group";

/** Empty: Twingate's default policy. */
const Policy = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

type Item = { name: string; securityPolicyId?: string };

export default operation<Item, null, Group>({
  ...GROUP_ADMIN,
  id: "twingate.group.created",
  label: "Create group",
  help: "Creates a manual group under the security policy chosen, or Twingate's default policy.",
  risk: "reversible",
  // Twingate creates a second group of the same name.
  idempotent: false,
  input: z.object({ name: GroupName, securityPolicyId: Policy }),
  name: (i) => i.name,
  before: async (_ctx, items) => items.map(() => ({ state: null, plan: "create" })),
  expect: (i) => ({ name: i.name, securityPolicyId: i.securityPolicyId ?? null }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { name, securityPolicyId } = s.item;
    const group = await (ctx.client as TwingateClient).groupCreate({ name, securityPolicyId });
    return answered(group, `group ${group.name} created`);
  },
  cache: cacheGroups,
  // Undone by deleting it: whoever was added since goes with it, as the delete's event records.
  inverse: {
    op: "twingate.group.deleted",
    label: "Delete the group",
    items: createdObject("twingate_group", "groupId"),
  },
  audit: {
    // By name until Twingate answers, then by the id it gave the group.
    targets: (i, _s, group) => [group ? groupRef(group.id, group.name) : groupRef(i.name, i.name)],
    before: () => undefined,
    after: ([d]) => {
      const group = d?.outcome.answer;
      return group && { name: group.name, securityPolicyId: group.securityPolicy?.id ?? null };
    },
  },
  done: "Created",
  result: ([d]) => {
    const group = d?.outcome.answer;
    return group && { id: group.id, name: group.name };
  },
});
