import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TwingateSim } from "../../../sim/twingate";
import { actInHarness, type BulkHarness, twingateBulkHarness } from "../../../test/bulk-harness";
import type { Staff } from "../../auth/staff";
import {
  addTwingateGroupMembers,
  addTwingateGroupResources,
  createTwingateGroup,
  deleteTwingateGroup,
  removeTwingateGroupMembers,
  removeTwingateGroupResources,
  setTwingateGroupPolicy,
  updateTwingateGroup,
} from "../../twingate/group-actions";
import { createTwingateUser, deleteTwingateUser } from "../../twingate/user-actions";
import { INVERSES } from "../../undo/registry";
import { undoEvent } from "../../undo/undo-event";

// The groups and users pages' Twingate changes through their server actions,
// against the Twingate simulator over HTTP: what each returns (the toasts read
// it), refuses, records in the audit log (e2e and the undo read it) and
// leaves in the cache.

vi.mock("../../auth/session", () => import("../../../test/session-as"));
vi.mock("next/headers", () => ({ cookies: async () => new Map(), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("../../auth/auth", () => ({
  signIn: async () => undefined,
  signOut: async () => undefined,
  authSecret: () => "unused",
  SESSION_ABSOLUTE_HOURS: 24,
}));

let tg: BulkHarness<TwingateSim>;
let tenantId: string;
let staff: Staff;
const lastEvent = (action: string) =>
  tg.h.t.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });
const edgeCount = (groupId: string, userId: string) =>
  tg.h.t.db.vendorEdge.count({
    where: { tenantId, vendor: "twingate", kind: "group_member", fromId: groupId, toId: userId, deletedAt: null },
  });

beforeAll(async () => {
  tg = await twingateBulkHarness("admin");
  tenantId = tg.h.tenantId;
  staff = await actInHarness(tg);
}, 300_000);

afterAll(async () => {
  await tg?.close();
});

describe("Twingate group members from the group's page", () => {
  it("adds only non-members, records the group once and the members added, and refuses when none is new", async () => {
    const group = [...tg.sim.state.groups.values()].find((g) => g.type === "MANUAL" && !g.everyone && g.isActive);
    if (!group) throw new Error("no manual group");
    const [inside] = tg.sim.state.groupUsers(group);
    const outside = [...tg.sim.state.users.values()].find((u) => !group.userNs.has(u.n));
    if (!inside || !outside) throw new Error("no member and non-member");
    const count = group.userNs.size;

    const added = await addTwingateGroupMembers({ tenantId, groupId: group.id, userIds: [inside.id, outside.id] });
    expect(added).toMatchObject({ ok: true, data: { group: group.name, added: 1 } });
    expect(group.userNs.has(outside.n)).toBe(true);
    expect(await edgeCount(group.id, outside.id)).toBe(1);
    const event = await lastEvent("twingate.group.members_added");
    expect(event).toMatchObject({ outcome: "success", before: { members: count }, after: { added: [outside.id] } });
    expect(event.targets).toEqual([{ type: "twingate_group", id: group.id, label: group.name }]);

    expect(await addTwingateGroupMembers({ tenantId, groupId: group.id, userIds: [outside.id] })).toEqual({
      ok: false,
      error: "Everyone chosen is already a member of this group.",
    });
    expect(await lastEvent("twingate.group.members_added")).toMatchObject({
      outcome: "failure",
      before: { members: count + 1 },
    });

    const removed = await removeTwingateGroupMembers({ tenantId, groupId: group.id, userIds: [outside.id] });
    expect(removed).toMatchObject({ ok: true, data: { group: group.name, removed: 1 } });
    expect(group.userNs.has(outside.n)).toBe(false);
    expect(await edgeCount(group.id, outside.id)).toBe(0);
    expect(await lastEvent("twingate.group.members_removed")).toMatchObject({
      outcome: "success",
      targets: [{ type: "twingate_group", id: group.id, label: group.name }],
      before: { members: count + 1 },
      after: { removed: [outside.id] },
    });
    expect(await removeTwingateGroupMembers({ tenantId, groupId: group.id, userIds: [outside.id] })).toEqual({
      ok: false,
      error: "No one chosen is a member of this group.",
    });
  });

  it("refuses a group the cache does not hold", async () => {
    const [user] = tg.sim.state.users.values();
    expect(await addTwingateGroupMembers({ tenantId, groupId: "R3JvdXA6OTk5OTk5", userIds: [user?.id ?? ""] })).toEqual(
      {
        ok: false,
        error: "No such Twingate group in this tenant's cache. Sync Twingate and try again.",
      },
    );
  });
});

describe("Twingate users created and deleted from the users page", () => {
  it("creates a user, names the event by Twingate's new id, and deletes it with what the cache knew", async () => {
    const email = `created-${Date.now()}@example.com`;
    const created = await createTwingateUser({ tenantId, email, firstName: "Eve", role: "MEMBER", invite: true });
    if (!created.ok) throw new Error(created.error);
    const user = created.data as { id: string; email: string; state: string; invited: boolean };
    expect(user).toEqual({ id: expect.any(String), email, state: "PENDING", invited: true });
    expect(tg.sim.state.users.size).toBeGreaterThan(0);
    const event = await lastEvent("twingate.user.created");
    expect(event.targets).toEqual([{ type: "twingate_user", id: user.id, label: email }]);
    expect(event.after).toEqual({ email, role: "MEMBER", state: "PENDING", invited: true });
    const cached = await tg.h.t.db.twingateUser.findFirstOrThrow({ where: { tenantId, vendorId: user.id } });
    expect(cached).toMatchObject({ email, state: "PENDING", type: "MANUAL" });

    const deleted = await deleteTwingateUser({ tenantId, userId: user.id });
    expect(deleted).toMatchObject({ ok: true, data: { email, devices: 0 } });
    expect(await lastEvent("twingate.user.deleted")).toMatchObject({
      outcome: "success",
      targets: [{ type: "twingate_user", id: user.id, label: email }],
      before: { email, role: "MEMBER", state: "PENDING", type: "MANUAL" },
    });
    expect(
      (await tg.h.t.db.twingateUser.findFirstOrThrow({ where: { tenantId, vendorId: user.id } })).deletedAt,
    ).not.toBeNull();
  });

  it("refuses to delete a user synced from the identity provider, recording who it was", async () => {
    const synced = [...tg.sim.state.users.values()].find((u) => u.type === "SYNCED");
    if (!synced) throw new Error("no synced user");
    const res = await deleteTwingateUser({ tenantId, userId: synced.id });
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining("synced from the identity provider") });
    expect(await lastEvent("twingate.user.deleted")).toMatchObject({
      outcome: "failure",
      targets: [{ type: "twingate_user", id: synced.id, label: synced.email }],
      before: { email: synced.email, type: "SYNCED" },
    });
    expect(tg.sim.state.users.has(synced.n)).toBe(true);
  });
});

describe("Twingate group administration from the groups pages", () => {
  it("creates, renames, gives a resource, sets the policy, takes the resource away and deletes a group", async () => {
    const name = `Created ${Date.now()}`;
    const created = await createTwingateGroup({ tenantId, name });
    if (!created.ok) throw new Error(created.error);
    const { id: groupId } = created.data as { id: string; name: string };
    expect(created.data).toEqual({ id: groupId, name });
    expect(await lastEvent("twingate.group.created")).toMatchObject({
      targets: [{ type: "twingate_group", id: groupId, label: name }],
      after: { name, securityPolicyId: expect.any(String) },
    });

    const renamed = `${name} renamed`;
    expect(await updateTwingateGroup({ tenantId, groupId, name: renamed, isActive: "false" })).toMatchObject({
      ok: true,
      data: { name: renamed },
    });
    expect(await lastEvent("twingate.group.updated")).toMatchObject({
      targets: [{ type: "twingate_group", id: groupId, label: name }],
      before: { name, isActive: true },
      after: { name: renamed, isActive: false },
    });

    const resource = [...tg.sim.state.resources.values()][0];
    if (!resource) throw new Error("no resource");
    const add = await addTwingateGroupResources({ tenantId, groupId, resourceIds: [resource.id] });
    expect(add).toMatchObject({ ok: true, data: { group: renamed, added: 1 } });
    expect(await lastEvent("twingate.group.resources_added")).toMatchObject({
      targets: [
        { type: "twingate_group", id: groupId, label: renamed },
        { type: "twingate_resource", id: resource.id },
      ],
      before: { resources: [] },
      after: { added: [resource.id] },
    });

    const policy = [...tg.sim.state.securityPolicies.values()].find((p) => p.policyType === "RESOURCE");
    if (!policy) throw new Error("no resource policy");
    const set = await setTwingateGroupPolicy({ tenantId, groupId, securityPolicyId: policy.id });
    expect(set).toMatchObject({ ok: true, data: { group: renamed, policy: policy.name, resources: 1 } });
    const policyEvent = await lastEvent("twingate.group.policy_changed");
    expect(policyEvent.targets).toEqual([
      { type: "twingate_group", id: groupId, label: renamed },
      { type: "twingate_security_policy", id: policy.id, label: policy.name },
    ]);
    expect(policyEvent).toMatchObject({
      before: { securityPolicyId: expect.any(String), resources: [{ resourceId: resource.id }] },
      after: { securityPolicyId: policy.id, resources: 1 },
    });

    const off = await removeTwingateGroupResources({ tenantId, groupId, resourceIds: [resource.id] });
    expect(off).toMatchObject({ ok: true, data: { group: renamed, removed: 1 } });
    const removed = await lastEvent("twingate.group.resources_removed");
    expect(removed).toMatchObject({
      before: { resources: [resource.id], taken: [{ resourceId: resource.id, securityPolicyId: policy.id }] },
      after: { removed: [resource.id] },
    });

    // Its undo gives the resource back under the policy the grant had, not the default, then it is taken again.
    const key = `Group:${[...tg.sim.state.groups.values()].find((g) => g.id === groupId)?.n}`;
    expect(await undoEvent(tg.h.t.db, staff, removed.id, INVERSES)).toMatchObject({ ok: true });
    expect(tg.sim.state.resources.get(resource.n)?.access.get(key)?.securityPolicyN).toBe(policy.n);
    expect(await removeTwingateGroupResources({ tenantId, groupId, resourceIds: [resource.id] })).toMatchObject({
      ok: true,
    });

    expect(await deleteTwingateGroup({ tenantId, groupId })).toMatchObject({ ok: true, data: { name: renamed } });
    expect(await lastEvent("twingate.group.deleted")).toMatchObject({
      targets: [{ type: "twingate_group", id: groupId, label: renamed }],
      before: { name: renamed, members: 0, resources: [] },
    });
    const cached = await tg.h.t.db.vendorObject.count({
      where: { tenantId, vendor: "twingate", kind: "group", vendorId: groupId, deletedAt: null },
    });
    expect(cached).toBe(0);
  });
});
