import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TWINGATE_ERRORS } from "../../../sim/twingate";
import { startSim, vendorError } from "./test-sim";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
});
afterAll(async () => {
  await env.close();
});

const policyNamed = async (name: string) => (await env.client().securityPolicy({ name }))!;

describe("Twingate groups", () => {
  it("lists groups with filters and reads one with its users and resources", async () => {
    const tg = env.client();
    const all = await tg.groups();
    expect(all.map((g) => g.name)).toEqual(expect.arrayContaining(["Everyone", "IT Users", "Contractors"]));
    expect((await tg.groups({ type: { in: ["SYSTEM"] } })).map((g) => g.name)).toEqual(["Everyone"]);
    expect((await tg.groups({ name: { startsWith: "IT" }, isActive: { eq: true } })).map((g) => g.name)).toEqual([
      "IT Users",
    ]);
    const synced = await tg.groups({ type: { in: ["SYNCED"] }, originId: { contains: "northwind.example/" } });
    expect(synced.length).toBeGreaterThan(1);

    const it = await tg.group(synced[0]!.id);
    expect(it?.users.totalCount).toBeGreaterThan(0);
    expect(it?.securityPolicy.name).toBe("Default Policy");
    expect(await tg.group(Buffer.from("Group:5").toString("base64"))).toBeNull();
  });

  it("creates, updates and deletes a group; members and resources follow", async () => {
    const tg = env.client();
    const users = await tg.usersPage({ first: 3 });
    const [r1, r2] = await tg.resources();
    const mfa = await policyNamed("Require MFA");
    const g = await tg.groupCreate({
      name: "Night Shift",
      userIds: [users.edges[0]!.node.id],
      resourceIds: [r1!.id],
      securityPolicyId: mfa.id,
    });
    expect(g).toMatchObject({
      name: "Night Shift",
      type: "MANUAL",
      isActive: true,
      securityPolicy: { name: "Require MFA" },
    });
    // groupCreate's policy applies to the resources passed with it.
    const edge = (await tg.resource(r1!.id))!.access.edges.find((e) => e.node.id === g.id);
    expect(edge?.securityPolicy?.id).toBe(mfa.id);

    await tg.groupUpdate({
      id: g.id,
      name: "Night Shift Ops",
      addedUserIds: [users.edges[1]!.node.id, users.edges[2]!.node.id],
      removedUserIds: [users.edges[0]!.node.id],
      addedResourceIds: [r2!.id],
    });
    const read = (await tg.group(g.id))!;
    expect(read.name).toBe("Night Shift Ops");
    expect(read.users.edges.map((e) => e.node.id).sort()).toEqual(
      [users.edges[1]!.node.id, users.edges[2]!.node.id].sort(),
    );
    expect(read.resources.edges.map((e) => e.node.id).sort()).toEqual([r1!.id, r2!.id].sort());

    await tg.groupUpdate({ id: g.id, userIds: [users.edges[0]!.node.id], resourceIds: [r2!.id], isActive: false });
    const replaced = (await tg.group(g.id))!;
    expect(replaced).toMatchObject({ isActive: false, users: { totalCount: 1 }, resources: { totalCount: 1 } });

    await tg.groupDelete(g.id);
    expect(await tg.group(g.id)).toBeNull();
    expect((await tg.resource(r2!.id))!.access.edges.some((e) => e.node.id === g.id)).toBe(false);
  });

  it("securityPolicyId on groupUpdate re-points every resource the group reaches", async () => {
    const tg = env.client();
    const trusted = await policyNamed("Trusted Devices Only");
    const [r1, r2, r3] = await tg.resources();
    const g = await tg.groupCreate({ name: "Auditors", resourceIds: [r1!.id, r2!.id] });
    await tg.groupUpdate({ id: g.id, addedResourceIds: [r3!.id], securityPolicyId: trusted.id });
    for (const r of [r1, r2, r3]) {
      const edge = (await tg.resource(r!.id))!.access.edges.find((e) => e.node.id === g.id);
      expect(edge?.securityPolicy?.id, r!.name).toBe(trusted.id);
    }
    // Without a policy nothing is re-pointed.
    await tg.groupUpdate({ id: g.id, name: "Auditors 2" });
    expect((await tg.resource(r1!.id))!.access.edges.find((e) => e.node.id === g.id)?.securityPolicy?.id).toBe(
      trusted.id,
    );
    await tg.groupDelete(g.id);
  });

  it("refuses to change the system group or an unknown one", async () => {
    const tg = env.client();
    const [everyone] = await tg.groups({ type: { in: ["SYSTEM"] } });
    expect((await vendorError(tg.groupDelete(everyone!.id))).info).toMatchObject({
      kind: "vendor",
      vendorMessage: TWINGATE_ERRORS.systemGroup,
    });
    const ghost = Buffer.from("Group:9").toString("base64");
    expect((await vendorError(tg.groupUpdate({ id: ghost, name: "x" }))).vendorMessage).toBe(
      TWINGATE_ERRORS.notFound("Group", ghost),
    );
    expect((await vendorError(tg.groupCreate({ name: "  " }))).vendorMessage).toBe(TWINGATE_ERRORS.blankName);
  });
});

describe("Twingate resources and access", () => {
  it("lists, filters and reads resources with their access", async () => {
    const tg = env.client();
    const all = await tg.resources();
    expect(all.length).toBe(env.sim.state.resources.size);
    const [intranet] = await tg.resources({ name: { eq: "Intranet" } });
    const read = (await tg.resource(intranet!.id))!;
    expect(read.address).toEqual({ type: "DNS", value: "intranet.corp.example" });
    expect(read.access.edges.map((e) => e.node.__typename)).toEqual(
      expect.arrayContaining(["Group", "ServiceAccount"]),
    );
    expect(await tg.resource(Buffer.from("Resource:1").toString("base64"))).toBeNull();
  });

  it("creates, updates and deletes a resource", async () => {
    const tg = env.client();
    const [net] = await tg.remoteNetworks({ name: { eq: "Head Office" } });
    const mfa = await policyNamed("Require MFA");
    const [everyone] = await tg.groups({ type: { in: ["SYSTEM"] } });
    const r = await tg.resourceCreate({
      name: "Wiki",
      address: "wiki.corp.example",
      remoteNetworkId: net!.id,
      alias: "wiki.internal",
      groupIds: [everyone!.id],
      isVisible: false,
      securityPolicyId: mfa.id,
      protocols: {
        allowIcmp: false,
        tcp: { policy: "RESTRICTED", ports: [{ start: 443, end: 443 }] },
        udp: { policy: "ALLOW_ALL", ports: [] },
      },
    });
    expect(r).toMatchObject({
      name: "Wiki",
      alias: "wiki.internal",
      isVisible: false,
      securityPolicy: { id: mfa.id },
      remoteNetwork: { id: net!.id },
    });
    expect(r.protocols.tcp).toEqual({ policy: "RESTRICTED", ports: [{ start: 443, end: 443 }] });
    expect(r.access.edges.map((e) => e.node.id)).toEqual([everyone!.id]);

    const u = await tg.resourceUpdate({
      id: r.id,
      name: "Team Wiki",
      address: "10.0.0.7",
      alias: null,
      isBrowserShortcutEnabled: true,
    });
    expect(u).toMatchObject({
      name: "Team Wiki",
      address: { type: "IP", value: "10.0.0.7" },
      alias: null,
      isBrowserShortcutEnabled: true,
      isVisible: false,
    });
    const bad = await vendorError(
      tg.resourceUpdate({
        id: r.id,
        protocols: {
          allowIcmp: true,
          tcp: { policy: "RESTRICTED", ports: [{ start: 0, end: 70000 }] },
          udp: { policy: "ALLOW_ALL" },
        },
      }),
    );
    expect(bad.vendorMessage).toBe(TWINGATE_ERRORS.badPortRange);

    await tg.resourceDelete(r.id);
    expect(await tg.resource(r.id)).toBeNull();
    expect((await vendorError(tg.resourceDelete(r.id))).vendorMessage).toBe(TWINGATE_ERRORS.notFound("Resource", r.id));
    expect(
      (
        await vendorError(
          tg.resourceCreate({
            name: "x",
            address: "x.example",
            remoteNetworkId: Buffer.from("RemoteNetwork:1").toString("base64"),
          }),
        )
      ).info.kind,
    ).toBe("vendor");
  });

  it("adds, sets (replacing everything) and removes access", async () => {
    const tg = env.client();
    const [net] = await tg.remoteNetworks({ name: { eq: "AWS Production" } });
    const r = await tg.resourceCreate({ name: "Bastion", address: "bastion.prod.example", remoteNetworkId: net!.id });
    const groups = await tg.groups({ type: { in: ["SYNCED"] } });
    const [sa] = await tg.serviceAccounts();
    const mfa = await policyNamed("Require MFA");

    const added = await tg.resourceAccessAdd(r.id, [
      { principalId: groups[0]!.id, securityPolicyId: mfa.id, expiresAt: "2030-01-01T00:00:00.000Z" },
      { principalId: groups[1]!.id },
      { principalId: sa!.id },
    ]);
    expect(added.access.totalCount).toBe(3);
    expect(added.access.edges[0]).toMatchObject({
      securityPolicy: { id: mfa.id },
      expiresAt: "2030-01-01T00:00:00.000Z",
    });

    // Omitted fields stay, explicit null clears.
    const again = await tg.resourceAccessAdd(r.id, [{ principalId: groups[0]!.id, expiresAt: null }]);
    expect(again.access.edges.find((e) => e.node.id === groups[0]!.id)).toMatchObject({
      securityPolicy: { id: mfa.id },
      expiresAt: null,
    });

    const set = await tg.resourceAccessSet(r.id, [{ principalId: groups[2]!.id }]);
    expect(set.access.edges.map((e) => e.node.id)).toEqual([groups[2]!.id]);
    expect((await tg.resource(r.id))!.access.totalCount).toBe(1);

    const removed = await tg.resourceAccessRemove(r.id, [groups[2]!.id]);
    expect(removed.access.totalCount).toBe(0);

    const saPolicy = await vendorError(tg.resourceAccessAdd(r.id, [{ principalId: sa!.id, securityPolicyId: mfa.id }]));
    expect(saPolicy.vendorMessage).toBe(TWINGATE_ERRORS.serviceAccountPolicy);
    const ghost = Buffer.from("Group:77").toString("base64");
    expect((await vendorError(tg.resourceAccessSet(r.id, [{ principalId: ghost }]))).vendorMessage).toBe(
      TWINGATE_ERRORS.notFound("Group", ghost),
    );
    expect((await tg.resource(r.id))!.access.totalCount).toBe(0);
    await tg.resourceDelete(r.id);
  });
});

describe("Twingate security policies", () => {
  it("lists, filters, reads by id or name, and moves groups between policies", async () => {
    const tg = env.client();
    const all = await tg.securityPolicies();
    expect(all.map((p) => p.policyType)).toContain("DEFAULT_RESOURCE");
    expect(await tg.securityPolicies({ policyType: { in: ["RESOURCE"] }, name: { contains: "MFA" } })).toHaveLength(1);
    const trusted = await policyNamed("Trusted Devices Only");
    expect((await tg.securityPolicy({ id: trusted.id }))?.name).toBe("Trusted Devices Only");
    expect(await tg.securityPolicy({ name: "No such policy" })).toBeNull();

    const [g1, g2] = await tg.groups({ type: { in: ["SYNCED"] } });
    await tg.securityPolicyUpdate({ id: trusted.id, addedGroupIds: [g1!.id, g2!.id] });
    expect((await tg.securityPolicy({ id: trusted.id }))!.groups.edges.map((e) => e.node.id).sort()).toEqual(
      [g1!.id, g2!.id].sort(),
    );
    expect((await tg.group(g1!.id))?.securityPolicy.id).toBe(trusted.id);
    await tg.securityPolicyUpdate({ id: trusted.id, removedGroupIds: [g1!.id] });
    expect((await tg.group(g1!.id))?.securityPolicy.name).toBe("Default Policy");
    await tg.securityPolicyUpdate({ id: trusted.id, groupIds: [g1!.id] });
    expect((await tg.securityPolicy({ id: trusted.id }))!.groups.edges.map((e) => e.node.id)).toEqual([g1!.id]);

    const ghost = Buffer.from("SecurityPolicy:1").toString("base64");
    expect((await vendorError(tg.securityPolicyUpdate({ id: ghost, groupIds: [] }))).vendorMessage).toBe(
      TWINGATE_ERRORS.notFound("Security Policy", ghost),
    );
  });
});
