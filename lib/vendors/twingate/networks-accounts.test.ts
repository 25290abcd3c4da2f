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

describe("Twingate remote networks", () => {
  it("lists, filters and reads by id or name", async () => {
    const tg = env.client();
    const all = await tg.remoteNetworks();
    expect(all.map((n) => n.name)).toEqual(["Head Office", "AWS Production", "Azure Apps", "Lab"]);
    const [aws] = await tg.remoteNetworks({ name: { startsWith: "AWS" } });
    const byId = (await tg.remoteNetwork({ id: aws!.id }))!;
    expect(byId).toMatchObject({ location: "AWS", isActive: true });
    expect(byId.resources.totalCount).toBeGreaterThan(0);
    expect(byId.connectors.totalCount).toBe(2);
    expect((await tg.remoteNetwork({ name: "Lab" }))?.resources.totalCount).toBe(0);
    expect(await tg.remoteNetwork({ name: "Nowhere" })).toBeNull();
    expect(await tg.remoteNetwork({ id: Buffer.from("RemoteNetwork:2").toString("base64") })).toBeNull();
  });

  it("creates with location OTHER by default, updates, and deletes only once it has no resources", async () => {
    const tg = env.client();
    const rn = await tg.remoteNetworkCreate({ name: "Branch" });
    expect(rn).toMatchObject({ name: "Branch", location: "OTHER", isActive: true });
    expect(
      await tg.remoteNetworkUpdate({ id: rn.id, name: "Branch Office", location: "ON_PREMISE", isActive: false }),
    ).toMatchObject({ name: "Branch Office", location: "ON_PREMISE", isActive: false });

    const r = await tg.resourceCreate({ name: "Printer", address: "printer.branch.example", remoteNetworkId: rn.id });
    const refused = await vendorError(tg.remoteNetworkDelete(rn.id));
    expect(refused.info).toMatchObject({
      kind: "vendor",
      operation: "remoteNetworkDelete",
      status: 200,
      vendorMessage: TWINGATE_ERRORS.remoteNetworkHasResources,
    });
    expect(await tg.remoteNetwork({ id: rn.id })).not.toBeNull();

    await tg.resourceDelete(r.id);
    await tg.remoteNetworkDelete(rn.id);
    expect(await tg.remoteNetwork({ id: rn.id })).toBeNull();
  });
});

describe("Twingate connectors", () => {
  it("lists with name and state filters and reads one", async () => {
    const tg = env.client();
    const all = await tg.connectors();
    expect(all.length).toBe(env.sim.state.connectors.size);
    const dead = await tg.connectors({ state: { in: ["DEAD_NO_HEARTBEAT"] } });
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.every((c) => c.state === "DEAD_NO_HEARTBEAT")).toBe(true);
    expect(await tg.connectors({ name: { eq: all[0]!.name } })).toHaveLength(1);
    expect((await tg.connector(all[0]!.id))?.remoteNetwork.id).toBe(all[0]!.remoteNetwork.id);
    expect(await tg.connector(Buffer.from("Connector:4").toString("base64"))).toBeNull();
  });

  it("creates, renames, issues tokens and deletes; names are unique per remote network", async () => {
    const tg = env.client();
    const [office, aws] = await tg.remoteNetworks();
    const c = await tg.connectorCreate({
      remoteNetworkId: office!.id,
      name: "north-gate",
      hasStatusNotificationsEnabled: false,
    });
    expect(c).toMatchObject({
      name: "north-gate",
      hasStatusNotificationsEnabled: false,
      remoteNetwork: { id: office!.id },
    });

    const dup = await vendorError(tg.connectorCreate({ remoteNetworkId: office!.id, name: "north-gate" }));
    expect(dup.vendorMessage).toBe(TWINGATE_ERRORS.duplicateConnectorName("north-gate"));
    // The same name is fine in another network.
    const other = await tg.connectorCreate({ remoteNetworkId: aws!.id, name: "north-gate" });

    const [existing] = (await tg.remoteNetwork({ id: office!.id }))!.connectors.edges.map((e) => e.node);
    expect((await vendorError(tg.connectorUpdate({ id: c.id, name: existing!.name }))).vendorMessage).toBe(
      TWINGATE_ERRORS.duplicateConnectorName(existing!.name),
    );
    expect(
      await tg.connectorUpdate({ id: c.id, name: "south-gate", hasStatusNotificationsEnabled: true }),
    ).toMatchObject({ name: "south-gate", hasStatusNotificationsEnabled: true });

    const tokens = await tg.connectorGenerateTokens(c.id);
    expect(tokens.accessToken.length).toBeGreaterThan(20);
    expect(tokens.refreshToken.length).toBeGreaterThan(20);

    await tg.connectorDelete(c.id);
    await tg.connectorDelete(other.id);
    expect(await tg.connector(c.id)).toBeNull();
    expect((await vendorError(tg.connectorGenerateTokens(c.id))).vendorMessage).toBe(
      TWINGATE_ERRORS.notFound("Connector", c.id),
    );
  });
});

describe("Twingate service accounts and keys", () => {
  it("lists, filters and reads accounts with their keys and resources", async () => {
    const tg = env.client();
    const all = await tg.serviceAccounts();
    expect(all.map((s) => s.name)).toEqual(["CI Runner", "Backup Agent"]);
    const [ci] = await tg.serviceAccounts({ name: { eq: "CI Runner" } });
    const read = (await tg.serviceAccount(ci!.id))!;
    expect(read.keys.edges.map((e) => e.node.status)).toEqual(["REVOKED", "ACTIVE"]);
    expect(read.resources.totalCount).toBe(1);
    const [backup] = await tg.serviceAccounts({ name: { eq: "Backup Agent" } });
    expect((await tg.serviceAccount(backup!.id))!.keys.edges[0]!.node.status).toBe("EXPIRED");

    const key = read.keys.edges[1]!.node;
    expect(await tg.serviceAccountKey({ id: key.id })).toMatchObject({
      id: key.id,
      name: key.name,
      serviceAccount: { id: ci!.id },
    });
    expect(await tg.serviceAccountKey({ name: key.name })).toMatchObject({ id: key.id });
    expect(await tg.serviceAccount(Buffer.from("ServiceAccount:1").toString("base64"))).toBeNull();
    expect(await tg.serviceAccountKey({ id: Buffer.from("ServiceAccountKey:1").toString("base64") })).toBeNull();
  });

  it("creates, updates and deletes an account and runs a key through its life", async () => {
    const tg = env.client();
    const [r1, r2] = await tg.resources();
    const sa = await tg.serviceAccountCreate({ name: "Deploy Bot", resourceIds: [r1!.id] });
    expect(sa.name).toBe("Deploy Bot");
    await tg.serviceAccountUpdate({ id: sa.id, name: "Deploy Robot", addedResourceIds: [r2!.id] });
    expect((await tg.serviceAccount(sa.id))!).toMatchObject({ name: "Deploy Robot", resources: { totalCount: 2 } });
    await tg.serviceAccountUpdate({ id: sa.id, removedResourceIds: [r1!.id] });
    expect((await tg.serviceAccount(sa.id))!.resources.edges.map((e) => e.node.id)).toEqual([r2!.id]);
    await tg.serviceAccountUpdate({ id: sa.id, resourceIds: [r1!.id] });
    expect((await tg.serviceAccount(sa.id))!.resources.edges.map((e) => e.node.id)).toEqual([r1!.id]);

    const { key, token } = await tg.serviceAccountKeyCreate({
      serviceAccountId: sa.id,
      name: "deploy-key",
      expirationTime: 30,
    });
    expect(token.length).toBeGreaterThan(20);
    expect(key).toMatchObject({ name: "deploy-key", status: "ACTIVE", revokedAt: null, serviceAccount: { id: sa.id } });
    expect(Date.parse(key.expiresAt!) - Date.parse(key.createdAt)).toBe(30 * 86_400_000);
    const forever = await tg.serviceAccountKeyCreate({ serviceAccountId: sa.id, expirationTime: 0 });
    expect(forever.key.expiresAt).toBeNull();

    expect((await tg.serviceAccountKeyUpdate(key.id, "deploy-key-2")).name).toBe("deploy-key-2");
    expect((await vendorError(tg.serviceAccountKeyDelete(key.id))).vendorMessage).toBe(TWINGATE_ERRORS.activeKeyDelete);
    const revoked = await tg.serviceAccountKeyRevoke(key.id);
    expect(revoked.status).toBe("REVOKED");
    expect(revoked.revokedAt).not.toBeNull();
    await tg.serviceAccountKeyDelete(key.id);
    expect(await tg.serviceAccountKey({ id: key.id })).toBeNull();

    await tg.serviceAccountDelete(sa.id);
    expect(await tg.serviceAccount(sa.id)).toBeNull();
    expect(await tg.serviceAccountKey({ id: forever.key.id })).toBeNull();
    expect((await vendorError(tg.serviceAccountDelete(sa.id))).vendorMessage).toBe(
      TWINGATE_ERRORS.notFound("Service Account", sa.id),
    );
    expect(
      (await vendorError(tg.serviceAccountKeyCreate({ serviceAccountId: sa.id, expirationTime: 1 }))).info.kind,
    ).toBe("vendor");
  });
});

describe("Twingate access requests", () => {
  it("lists open requests with their user and resource, filters them, and settles each once", async () => {
    const tg = env.client();
    const open = await tg.accessRequests();
    expect(open.length).toBeGreaterThanOrEqual(2);
    const [first, second] = open;
    expect(first).toMatchObject({
      user: { email: expect.stringContaining("@") },
      resource: { name: expect.any(String) },
    });
    const byResource = await tg.accessRequests({ resourceId: { in: [first!.resource.id] } });
    expect(byResource.every((x) => x.resource.id === first!.resource.id)).toBe(true);
    expect(byResource.map((x) => x.id)).toContain(first!.id);
    const byUser = await tg.accessRequests({ userId: { in: [second!.user.id] } });
    expect(byUser.map((x) => x.id)).toContain(second!.id);

    await tg.accessRequestApprove(first!.id);
    await tg.accessRequestReject(second!.id);
    const left = (await tg.accessRequests()).map((x) => x.id);
    expect(left).not.toContain(first!.id);
    expect(left).not.toContain(second!.id);
    const again = await vendorError(tg.accessRequestApprove(first!.id));
    expect(again.info).toMatchObject({ kind: "vendor", operation: "accessRequestApprove" });
  });
});
