import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TwingateSim } from "../../../sim/twingate";
import { actInHarness, type BulkHarness, twingateBulkHarness } from "../../../test/bulk-harness";
import {
  createTwingateServiceAccount,
  createTwingateServiceKey,
  deleteTwingateServiceAccount,
  deleteTwingateServiceKey,
  renameTwingateServiceAccount,
  renameTwingateServiceKey,
  revokeTwingateServiceKey,
} from "../../twingate/account-actions";
import {
  changeTwingatePolicyGroups,
  createTwingateRemoteNetwork,
  deleteTwingateRemoteNetwork,
  updateTwingateConnector,
  updateTwingateRemoteNetwork,
} from "../../twingate/network-actions";
import { pacerKey } from "../../twingate/pacer";
import {
  addTwingateResourceAccess,
  createTwingateResource,
  removeTwingateResourceAccess,
  setTwingateResourceAccess,
  updateTwingateResource,
} from "../../twingate/resource-actions";

// The network admin's pages (remote networks, connectors, policies,
// resources, service accounts and keys) through their server actions,
// against the Twingate simulator over HTTP: what each returns, what its
// audit event records (e2e/twingate-network.spec.ts reads the same) and
// what the cache holds afterwards.

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
const lastEvent = (action: string) =>
  tg.h.t.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });
const cached = (kind: string, vendorId: string) =>
  tg.h.t.db.vendorObject.findFirst({ where: { tenantId, vendor: "twingate", kind, vendorId, deletedAt: null } });
const byName = <T extends { name: string }>(rows: Map<number, T>, name: string) => {
  const row = [...rows.values()].find((r) => r.name === name);
  if (!row) throw new Error(`The simulator has no ${name}.`);
  return row;
};
const data = <T>(res: { ok: boolean; data?: T }) => {
  expect(res, JSON.stringify(res)).toMatchObject({ ok: true });
  return res.data as T;
};

beforeAll(async () => {
  tg = await twingateBulkHarness("admin");
  tenantId = tg.h.tenantId;
  await actInHarness(tg);
}, 300_000);

afterAll(async () => {
  await tg?.close();
});

// More writes than Twingate's 20 a minute, which the console's pacer keeps to: each test starts unspent.
beforeEach(async () => {
  await tg.h.t.db.pacerSlot.deleteMany({ where: { key: { startsWith: pacerKey(tenantId) } } });
});

describe("remote networks, connectors and policies", () => {
  it("creates, updates and deletes a remote network, naming it by the id Twingate gave", async () => {
    const made = data(await createTwingateRemoteNetwork({ tenantId, name: "Branch", location: "AWS" }));
    const id = (made as { id: string }).id;
    expect(made).toEqual({ id, name: "Branch" });
    expect(await lastEvent("twingate.remote_network.created")).toMatchObject({
      outcome: "success",
      vendor: "twingate",
      targets: [{ type: "twingate_remote_network", id, label: "Branch" }],
      after: { name: "Branch", location: "AWS" },
    });
    expect(await cached("remote_network", id)).toMatchObject({ name: "Branch" });

    expect(
      data(await updateTwingateRemoteNetwork({ tenantId, remoteNetworkId: id, name: "Branch 2", location: "AZURE" })),
    ).toEqual({ name: "Branch 2" });
    expect(await lastEvent("twingate.remote_network.updated")).toMatchObject({
      targets: [{ type: "twingate_remote_network", id, label: "Branch" }],
      before: { name: "Branch", location: "AWS" },
      after: { name: "Branch 2", location: "AZURE" },
    });

    expect(data(await deleteTwingateRemoteNetwork({ tenantId, remoteNetworkId: id }))).toEqual({ name: "Branch 2" });
    expect((await lastEvent("twingate.remote_network.deleted")).before).toMatchObject({ name: "Branch 2" });
    expect(await cached("remote_network", id)).toBeNull();
    expect(await deleteTwingateRemoteNetwork({ tenantId, remoteNetworkId: id })).toEqual({
      ok: false,
      error: "No such remote network in this tenant's cache. Sync Twingate and try again.",
    });
  });

  it("shows Twingate's refusal to delete a network with resources; a delete takes its connectors", async () => {
    const office = byName(tg.sim.state.remoteNetworks, "Head Office");
    expect(await deleteTwingateRemoteNetwork({ tenantId, remoteNetworkId: office.id })).toEqual({
      ok: false,
      error: "Twingate refused: Delete all of a Remote Network's Resources before deleting the Remote Network.",
    });
    const lab = byName(tg.sim.state.remoteNetworks, "Lab");
    const connectors = [...tg.sim.state.connectors.values()].filter((c) => c.remoteNetworkN === lab.n);
    expect(data(await deleteTwingateRemoteNetwork({ tenantId, remoteNetworkId: lab.id }))).toEqual({ name: "Lab" });
    for (const c of connectors) expect(await cached("connector", c.id)).toBeNull();
  });

  it("updates a connector", async () => {
    const c = byName(tg.sim.state.connectors, "quiet-heron");
    const res = await updateTwingateConnector({ tenantId, connectorId: c.id, name: "quiet-heron-2" });
    expect(data(res)).toEqual({ name: "quiet-heron-2", notifications: false });
    expect(await lastEvent("twingate.connector.updated")).toMatchObject({
      targets: [{ type: "twingate_connector", id: c.id, label: "quiet-heron" }],
      before: { name: "quiet-heron", hasStatusNotificationsEnabled: true },
      after: { name: "quiet-heron-2", hasStatusNotificationsEnabled: false },
    });
  });

  it("moves a group onto a policy and back, reading the group back into the cache", async () => {
    const policy = byName(tg.sim.state.securityPolicies, "Trusted Devices Only");
    const group = [...tg.sim.state.groups.values()].find((g) => g.type !== "SYSTEM");
    if (!group) throw new Error("no group");
    const attributes = (await cached("group", group.id))?.attributes as { securityPolicyId?: string } | undefined;
    const formerPolicy = attributes?.securityPolicyId;
    const added = await changeTwingatePolicyGroups({
      tenantId,
      securityPolicyId: policy.id,
      addedGroupIds: [group.id],
    });
    expect(data(added)).toEqual({ name: "Trusted Devices Only", added: 1, removed: 0 });
    expect(await lastEvent("twingate.security_policy.groups_changed")).toMatchObject({
      targets: [
        { type: "twingate_security_policy", id: policy.id, label: "Trusted Devices Only" },
        { type: "twingate_group", id: group.id },
      ],
      // The policy the group was under: what an admin moves it back to.
      before: { groupPolicies: { [group.id]: formerPolicy ?? null } },
      after: { added: [group.id], removed: [] },
    });
    expect((await cached("group", group.id))?.attributes).toMatchObject({ securityPolicyId: policy.id });
    const back = await changeTwingatePolicyGroups({
      tenantId,
      securityPolicyId: policy.id,
      removedGroupIds: [group.id],
    });
    expect(data(back)).toEqual({ name: "Trusted Devices Only", added: 0, removed: 1 });
    expect((await cached("group", group.id))?.attributes).not.toMatchObject({ securityPolicyId: policy.id });
  });
});

describe("resources and their access", () => {
  it("creates and updates a resource; a port list Twingate would not take is refused before sending", async () => {
    const net = byName(tg.sim.state.remoteNetworks, "Head Office");
    const fields = { tenantId, name: "Wiki", address: "wiki.corp.example", remoteNetworkId: net.id };
    expect(await createTwingateResource({ ...fields, tcpPolicy: "RESTRICTED", tcpPorts: "http" })).toEqual({
      ok: false,
      error: '"http" is not a port or a range like 8000-8100.',
    });
    const made = data(
      await createTwingateResource({ ...fields, alias: "wiki.example", udpPolicy: "RESTRICTED", udpPorts: "53" }),
    );
    const id = (made as { id: string }).id;
    expect(made).toEqual({ id, name: "Wiki" });
    expect(await lastEvent("twingate.resource.created")).toMatchObject({
      targets: [{ type: "twingate_resource", id, label: "Wiki" }],
      after: { name: "Wiki", address: "wiki.corp.example", alias: "wiki.example", remoteNetworkId: net.id },
    });
    const res = await updateTwingateResource({ ...fields, resourceId: id, name: "Wiki 2", isVisible: "on" });
    expect(data(res)).toEqual({ name: "Wiki 2" });
    expect(await lastEvent("twingate.resource.updated")).toMatchObject({
      targets: [{ type: "twingate_resource", id, label: "Wiki" }],
      before: { name: "Wiki" },
      after: { name: "Wiki 2", alias: null, isVisible: true, isBrowserShortcutEnabled: false, remoteNetworkId: net.id },
    });
    expect(await cached("resource", id)).toMatchObject({ name: "Wiki 2" });
  });

  it("adds, replaces and removes access, recording who held it before", async () => {
    const resource = byName(tg.sim.state.resources, "Intranet");
    const group = [...tg.sim.state.groups.values()].find((g) => g.type !== "SYSTEM" && !resource.access.has(g.id));
    if (!group) throw new Error("no group without access");
    const held = [...resource.access.keys()];
    const add = await addTwingateResourceAccess({
      tenantId,
      resourceId: resource.id,
      grants: [{ principalId: group.id }],
    });
    expect(data(add)).toEqual({ name: "Intranet", added: 1 });
    expect(await lastEvent("twingate.resource.access_added")).toMatchObject({
      targets: [
        { type: "twingate_resource", id: resource.id, label: "Intranet" },
        { type: "twingate_principal", id: group.id },
      ],
      after: { added: [{ principalId: group.id, securityPolicyId: null, expiresAt: null }] },
    });
    expect(((await lastEvent("twingate.resource.access_added")).before as { access: unknown[] }).access).toHaveLength(
      held.length,
    );

    const set = await setTwingateResourceAccess({
      tenantId,
      resourceId: resource.id,
      grants: [{ principalId: group.id }],
    });
    const removed = (data(set) as { removed: string[] }).removed;
    expect(data(set)).toEqual({ name: "Intranet", count: 1, removed });
    expect(removed).toHaveLength(held.length);
    expect(await lastEvent("twingate.resource.access_set")).toMatchObject({
      targets: [{ type: "twingate_resource", id: resource.id, label: "Intranet" }],
      after: {
        access: [{ principalId: group.id, name: group.name, securityPolicyId: null, expiresAt: null }],
        removed,
      },
    });

    const rm = await removeTwingateResourceAccess({ tenantId, resourceId: resource.id, principalIds: [group.id] });
    expect(data(rm)).toEqual({ name: "Intranet", removed: 1 });
    expect(await lastEvent("twingate.resource.access_removed")).toMatchObject({
      targets: [
        { type: "twingate_resource", id: resource.id, label: "Intranet" },
        { type: "twingate_principal", id: group.id },
      ],
      before: { access: [{ principalId: group.id, name: group.name }] },
      after: { removed: [group.id] },
    });
    expect(
      await tg.h.t.db.vendorEdge.count({
        where: { tenantId, kind: "resource_access", fromId: resource.id, deletedAt: null },
      }),
    ).toBe(0);
  });
});

describe("service accounts and their keys", () => {
  it("creates, renames and deletes a service account, its keys going with it", async () => {
    const made = data(await createTwingateServiceAccount({ tenantId, name: "Robot" }));
    const id = (made as { id: string }).id;
    expect(made).toEqual({ id, name: "Robot" });
    expect(await lastEvent("twingate.service_account.created")).toMatchObject({
      targets: [{ type: "twingate_service_account", id, label: "Robot" }],
      after: { name: "Robot" },
    });
    const key = data(await createTwingateServiceKey({ tenantId, serviceAccountId: id, name: "k1" })) as { id: string };
    expect(data(await renameTwingateServiceAccount({ tenantId, serviceAccountId: id, name: "Robot 2" }))).toEqual({
      name: "Robot 2",
    });
    expect(await lastEvent("twingate.service_account.renamed")).toMatchObject({
      targets: [{ type: "twingate_service_account", id, label: "Robot" }],
      before: { name: "Robot" },
      after: { name: "Robot 2" },
    });
    expect(data(await deleteTwingateServiceAccount({ tenantId, serviceAccountId: id }))).toEqual({ name: "Robot 2" });
    expect(await lastEvent("twingate.service_account.deleted")).toMatchObject({
      targets: [{ type: "twingate_service_account", id, label: "Robot 2" }],
      before: { name: "Robot 2" },
    });
    expect(await cached("service_account", id)).toBeNull();
    expect(await cached("service_account_key", key.id)).toBeNull();
  });

  it("gives a key's token to the page once, never to the audit log or cache; renames, revokes, deletes", async () => {
    const sa = [...tg.sim.state.serviceAccounts.values()][0];
    if (!sa) throw new Error("no service account");
    const made = data(
      await createTwingateServiceKey({ tenantId, serviceAccountId: sa.id, name: "once", expirationDays: 30 }),
    ) as { id: string; name: string; expiresAt: string | null; token: string };
    expect(made).toEqual({ id: made.id, name: "once", expiresAt: made.expiresAt, token: made.token });
    expect(made.token.length).toBeGreaterThan(20);
    expect(made.expiresAt).not.toBeNull();
    const event = await lastEvent("twingate.service_account_key.created");
    expect(event).toMatchObject({
      targets: [
        { type: "twingate_service_account", id: sa.id, label: sa.name },
        { type: "twingate_service_account_key", id: made.id, label: "once" },
      ],
      after: { name: "once", status: "ACTIVE", expiresAt: made.expiresAt },
    });
    // Every field of the event, its sequence number a BigInt.
    expect(JSON.stringify(event, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(made.token);
    const row = await cached("service_account_key", made.id);
    expect(row).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(made.token);

    expect(data(await renameTwingateServiceKey({ tenantId, keyId: made.id, name: "twice" }))).toEqual({
      name: "twice",
    });
    expect(await lastEvent("twingate.service_account_key.renamed")).toMatchObject({
      targets: [{ type: "twingate_service_account_key", id: made.id, label: "once" }],
      before: { name: "once" },
      after: { name: "twice" },
    });
    expect(await deleteTwingateServiceKey({ tenantId, keyId: made.id })).toMatchObject({ ok: false });
    expect(data(await revokeTwingateServiceKey({ tenantId, keyId: made.id }))).toEqual({
      name: "twice",
      status: "REVOKED",
    });
    expect(await lastEvent("twingate.service_account_key.revoked")).toMatchObject({
      before: { status: "ACTIVE" },
      after: { status: "REVOKED" },
    });
    expect(data(await deleteTwingateServiceKey({ tenantId, keyId: made.id }))).toEqual({ name: "twice" });
    expect(await lastEvent("twingate.service_account_key.deleted")).toMatchObject({
      targets: [{ type: "twingate_service_account_key", id: made.id, label: "twice" }],
      before: { name: "twice", status: "REVOKED" },
    });
    expect(await cached("service_account_key", made.id)).toBeNull();
  });
});
