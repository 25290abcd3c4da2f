import { z } from "zod";
import type { AccessGrant } from "../../sync/twingate/documents";
import { resourceAccessTarget } from "../../sync/twingate/targets";
import { cachedGrantsOf } from "../../twingate/access-cache";
import { cacheWrite } from "../../twingate/cache";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Group } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { answered, type CachedGroup, cacheGroups, GROUP_ADMIN, GroupId, groupBefore, groupRef } from "./_group";

type Item = { groupId: string; securityPolicyId: string };
type State = { group: CachedGroup; policyName: string | null; grants: AccessGrant[] };

/**
 * Twingate re-points every resource the group reaches to the new policy,
 * not only some: the page warns before this runs, and the cache follows.
 */
export default operation<Item, State, Group>({
  ...GROUP_ADMIN,
  id: "twingate.group.policy_changed",
  label: "Set group policy",
  help: "Sets the group's security policy; Twingate applies it to every resource the group reaches.",
  risk: "irreversible",
  idempotent: true,
  input: z.object({ groupId: GroupId, securityPolicyId: GroupId }),
  before: groupBefore(async (ctx, i, group): Promise<State | { refused: string }> => {
    const policy = await ctx.db.vendorObject.findFirst({
      where: {
        tenantId: ctx.tenantId,
        vendor: "twingate",
        kind: "security_policy",
        vendorId: i.securityPolicyId,
        deletedAt: null,
      },
      select: { name: true },
    });
    if (!policy) return { refused: "No such security policy in this tenant's cache. Sync Twingate and try again." };
    return { group, policyName: policy.name, grants: await cachedGrantsOf(ctx.db, ctx.tenantId, i.groupId) };
  }),
  expect: (i, s) => ({ securityPolicyId: i.securityPolicyId, resources: s.grants.length }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { groupId, securityPolicyId } = s.item;
    const group = await (ctx.client as TwingateClient).groupUpdate({ id: groupId, securityPolicyId });
    return answered(group, `policy ${s.state.policyName ?? securityPolicyId} applied to ${group.name}`);
  },
  cache: async (ctx, done) => {
    await cacheGroups(ctx, done);
    for (const { item, state } of done) {
      const securityPolicy = { id: item.securityPolicyId, name: state.policyName ?? "" };
      for (const a of state.grants)
        await cacheWrite(ctx.db, ctx.tenantId, resourceAccessTarget, { ...a, securityPolicy });
    }
  },
  irreversible: "No undo: each resource's former policy is in the event's before.",
  audit: {
    targets: (i, s) => [
      groupRef(i.groupId, s?.group.name),
      { type: "twingate_security_policy", id: i.securityPolicyId, ...(s?.policyName ? { label: s.policyName } : {}) },
    ],
    before: ([s]) =>
      s && {
        securityPolicyId: s.state.group.securityPolicyId,
        resources: s.state.grants.map((a) => ({
          resourceId: a.resourceId,
          securityPolicyId: a.securityPolicy?.id ?? null,
        })),
      },
    after: ([d]) => d && { securityPolicyId: d.item.securityPolicyId, resources: d.state.grants.length },
  },
  done: "Policy set",
  result: ([d]) =>
    d && {
      group: d.outcome.answer?.name ?? d.state.group.name,
      policy: d.state.policyName,
      resources: d.state.grants.length,
    },
});
