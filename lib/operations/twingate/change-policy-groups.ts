import { z } from "zod";
import { groupTarget, securityPolicyTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import type { Group, SecurityPolicy } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { type Cached, cachedObjects, fromAnswer, Id, NETWORK_OP, ref, sendOne } from "./_object";

type Item = { securityPolicyId: string; addedGroupIds: string[]; removedGroupIds: string[] };
/** The policy as the cache knows it, and the policy each moved group was under before (null: the default). */
type State = Cached & { groupPolicies: Record<string, string | null> };
/** The policy as Twingate answered, and the groups it moved as read back. */
type Answer = { policy: SecurityPolicy; groups: Group[] };

const movedOf = (i: Item) => [...i.addedGroupIds, ...i.removedGroupIds];

/**
 * Assigns groups to a policy or takes them off it (they fall back to the
 * default policy). Like a group's own policy change, this re-points every
 * resource those groups reach.
 */
const policyOf = cachedObjects("security_policy", "security policy", (i: Item) => i.securityPolicyId);

export default operation<Item, State, Answer>({
  id: "twingate.security_policy.groups_changed",
  ...NETWORK_OP,
  label: "Change a security policy's groups",
  help:
    "Assigns groups to a security policy or takes them off it (back to the default policy), re-pointing every " +
    "resource those groups reach.",
  risk: "irreversible",
  idempotent: true,
  input: z.object({
    securityPolicyId: Id,
    addedGroupIds: z.array(Id).max(200).default([]),
    removedGroupIds: z.array(Id).max(200).default([]),
  }),
  before: async (ctx, items) => {
    const known = await policyOf(ctx, items);
    const groups = await ctx.db.vendorObject.findMany({
      where: { tenantId: ctx.tenantId, vendor: "twingate", kind: "group", vendorId: { in: items.flatMap(movedOf) } },
      select: { vendorId: true, attributes: true },
    });
    const policy = new Map(
      groups.map((g) => [g.vendorId, (g.attributes as { securityPolicyId?: string | null } | null)?.securityPolicyId]),
    );
    return known.map((k, n) => {
      if ("refused" in k) return k;
      const moved = movedOf(items[n]!);
      return { state: { ...k.state, groupPolicies: Object.fromEntries(moved.map((g) => [g, policy.get(g) ?? null])) } };
    });
  },
  expect: (i) => ({ added: i.addedGroupIds, removed: i.removedGroupIds }),
  call: sendOne(async (c, { item }) => {
    const { securityPolicyId: id, addedGroupIds, removedGroupIds } = item;
    const policy = await c.securityPolicyUpdate({ id, addedGroupIds, removedGroupIds });
    // The mutation answers with the policy only: read back the groups it moved (reads are cheaper than writes).
    const groups: Group[] = [];
    for (const groupId of movedOf(item)) {
      const g = await c.group(groupId);
      if (!g) continue;
      const { users: _u, resources: _r, ...group } = g;
      groups.push(group as Group);
    }
    return { policy, groups };
  }),
  cache: async ({ db, tenantId }, done) => {
    for (const { outcome } of done) {
      if (!outcome.answer) continue;
      await cacheWrite(db, tenantId, securityPolicyTarget, outcome.answer.policy);
      for (const g of outcome.answer.groups) await cacheWrite(db, tenantId, groupTarget, g);
    }
  },
  irreversible: "No undo: an admin moves the groups back on the policies page.",
  audit: {
    // Before the cache is read (a refusal), the policy alone, as the page always named it.
    targets: (i, s) => [
      ref("twingate_security_policy", i.securityPolicyId, s?.name),
      ...(s ? movedOf(i).map((g) => ref("twingate_group", g)) : []),
    ],
    // The policy each moved group was under: what an admin moves them back to.
    before: ([s]) => s && { groupPolicies: s.state.groupPolicies },
    after: ([d]) => d && { added: d.item.addedGroupIds, removed: d.item.removedGroupIds },
  },
  done: "Security policy's groups changed",
  result: fromAnswer((a, { item }) => ({
    name: a.policy.name,
    added: item.addedGroupIds.length,
    removed: item.removedGroupIds.length,
  })),
});
