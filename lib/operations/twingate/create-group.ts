import { z } from "zod";
import { OptionalText } from "../../bulk/cells";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Group } from "../../vendors/twingate/schemas";
import { cachedObjectsNamed } from "../cached-names";
import { type CacheContext, type Checked, operation } from "../operation";
import { createdObject } from "../targets";
import { answered, cacheGroups, GROUP_ADMIN, GroupName, groupRef } from "./_group";

/** Empty: Twingate's default policy. */
const Policy = OptionalText(200);

type Item = { name: string; securityPolicyId?: string };
/** What a sheet's row found: the policy it names, by id (a page's item names it by id itself). */
type Found = { securityPolicyId?: string } | null;

const Row = z.object({
  name: GroupName,
  policy: OptionalText(200),
});
type Row = z.output<typeof Row>;

/**
 * A sheet's groups: one whose name a group already has is no change (Twingate would make a second of the same name),
 * so a file can be uploaded again; a policy is found by name, as of the last sync.
 */
async function newGroups(ctx: CacheContext, rows: Row[]): Promise<Checked<Found>[]> {
  const groups = await cachedObjectsNamed(
    ctx,
    "twingate",
    "group",
    rows.map((r) => r.name),
  );
  const policies = await cachedObjectsNamed(
    ctx,
    "twingate",
    "security_policy",
    rows.flatMap((r) => (r.policy ? [r.policy] : [])),
  );
  const named = <T extends { name: string | null }>(all: T[], name: string) =>
    all.filter((o) => o.name?.toLowerCase() === name.toLowerCase());
  return rows.map((r) => {
    if (named(groups, r.name).length) return { state: null, plan: "no_change" };
    if (!r.policy) return { state: null, plan: "create" };
    const found = named(policies, r.policy);
    if (found.length !== 1) {
      return {
        refused: found.length
          ? `Ambiguous security policy: ${found.length} are named ${r.policy}.`
          : `Unknown security policy: none is named ${r.policy} in this tenant (as of the last sync).`,
      };
    }
    return { state: { securityPolicyId: found[0]?.vendorId }, plan: "create" };
  });
}

export default operation<Item, Found, Group>({
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
  csv: {
    row: Row,
    columns: [
      {
        field: "name",
        header: "name",
        aliases: ["group", "group name", "groupname"],
        required: true,
        example: "Finance",
      },
      {
        field: "policy",
        header: "policy",
        aliases: ["security policy", "securitypolicy"],
        required: false,
        example: "",
        hint: "a security policy's name; empty: Twingate's default",
      },
    ],
    key: (r: Row) => r.name.toLowerCase(),
    check: newGroups,
    toItem: (r: Row, s: Found) => ({ name: r.name, securityPolicyId: s?.securityPolicyId }),
  },
  done: "Created",
  result: ([d]) => {
    const group = d?.outcome.answer;
    return group && { id: group.id, name: group.name };
  },
});
