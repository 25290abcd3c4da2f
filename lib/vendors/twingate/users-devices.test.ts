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

describe("Twingate users", () => {
  it("lists every user across pages and finds one by email", async () => {
    const tg = env.client();
    const all = await tg.users();
    expect(all).toHaveLength(env.sim.state.users.size);
    const page = await tg.usersPage({ first: 5 });
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(all.length);
    const next = await tg.usersPage({ first: 5, after: page.pageInfo.endCursor });
    expect(next.edges[0]!.node.id).toBe(all[5]!.id);

    const target = all[3];
    const found = await tg.users({ email: { eq: target!.email! } });
    expect(found.map((u) => u.id)).toEqual([target!.id]);
    const admins = await tg.users({ role: { in: ["ADMIN"] } });
    expect(admins.length).toBeGreaterThan(0);
    expect(admins.every((u) => u.role === "ADMIN")).toBe(true);
    expect(await tg.users({ email: { endsWith: "@northwind.example" }, role: { in: ["ADMIN"] } })).toEqual(admins);
  });

  it("lists the users of one type, as the 2023-04-04 changelog added", async () => {
    const tg = env.client();
    const users = [...env.sim.state.users.values()];
    for (const type of ["MANUAL", "SYNCED"] as const) {
      const page = await tg.usersPage({ first: 100, filter: { type: { in: [type] } } });
      const expected = users.filter((u) => u.type === type).map((u) => u.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(page.totalCount).toBe(expected.length);
      expect(page.edges.map((e) => e.node.id)).toEqual(expected);
    }
    expect(await tg.users({ type: { in: ["MANUAL", "SYNCED"] } })).toEqual(await tg.users());
  });

  it("reads one user with groups, and null for an unknown id", async () => {
    const tg = env.client();
    const [first] = await tg.users();
    const user = await tg.user(first!.id);
    expect(user?.email).toBe(first!.email);
    expect(user?.groups.edges.map((e) => e.node.name)).toContain("Everyone");
    expect(await tg.user(Buffer.from("User:1").toString("base64"))).toBeNull();
  });

  it("creates, renames, suspends, re-roles and deletes a manual user", async () => {
    const tg = env.client();
    const created = await tg.userCreate({
      email: "new.hire@northwind.example",
      firstName: "New",
      lastName: "Hire",
      role: "MEMBER",
      shouldSendInvite: false,
    });
    expect(created).toMatchObject({
      email: "new.hire@northwind.example",
      type: "MANUAL",
      state: "PENDING",
      role: "MEMBER",
    });

    const dup = await vendorError(tg.userCreate({ email: "new.hire@northwind.example" }));
    expect(dup.info).toMatchObject({
      kind: "vendor",
      status: 200,
      retryable: false,
      vendorMessage: TWINGATE_ERRORS.duplicateEmail("new.hire@northwind.example"),
    });

    expect(await tg.userDetailsUpdate({ id: created.id, firstName: "Renamed", state: "DISABLED" })).toMatchObject({
      firstName: "Renamed",
      state: "DISABLED",
    });
    expect((await tg.user(created.id))?.state).toBe("DISABLED");
    expect((await tg.userDetailsUpdate({ id: created.id, state: "ACTIVE" })).state).toBe("ACTIVE");
    expect((await tg.userRoleUpdate(created.id, "SUPPORT")).role).toBe("SUPPORT");

    await tg.userDelete(created.id);
    expect(await tg.user(created.id)).toBeNull();
  });

  it("refuses to delete a synced user, and any change to an unknown user", async () => {
    const tg = env.client();
    const synced = [...env.sim.state.users.values()].find((u) => u.type === "SYNCED")!;
    const err = await vendorError(tg.userDelete(synced.id));
    expect(err.info).toMatchObject({
      kind: "vendor",
      operation: "userDelete",
      vendorMessage: TWINGATE_ERRORS.syncedUserDelete,
    });
    expect(await tg.user(synced.id)).not.toBeNull();

    const ghost = Buffer.from("User:42").toString("base64");
    expect((await vendorError(tg.userRoleUpdate(ghost, "ADMIN"))).vendorMessage).toBe(
      TWINGATE_ERRORS.notFound("User", ghost),
    );
    expect((await vendorError(tg.userDetailsUpdate({ id: ghost, state: "DISABLED" }))).info.kind).toBe("vendor");
  });
});

describe("Twingate devices", () => {
  it("lists devices with filters, and reads one", async () => {
    const tg = env.client();
    const archived = await tg.devices({ activeState: { in: ["ARCHIVED"] } });
    expect(archived.length).toBeGreaterThan(0);
    expect(archived.every((d) => d.activeState === "ARCHIVED")).toBe(true);
    const trusted = await tg.devices({ isTrusted: { eq: true }, activeState: { in: ["ACTIVE"] } });
    expect(trusted.every((d) => d.isTrusted && d.activeState === "ACTIVE")).toBe(true);
    const all = await tg.devices();
    expect(all).toHaveLength(env.sim.state.devices.size);

    const one = await tg.device(all[0]!.id);
    expect(one).toMatchObject({ id: all[0]!.id, lastConnectedAt: null });
    expect(one?.user.email).toMatch(/@northwind\.example$/);
    expect(await tg.devices({ serialNumber: { eq: all[0]!.serialNumber! } })).toHaveLength(1);
    expect(await tg.device(Buffer.from("Device:7").toString("base64"))).toBeNull();
  });

  it("blocks, unblocks, trusts, archives and unarchives a device", async () => {
    const tg = env.client();
    const [d] = await tg.devices({ activeState: { in: ["ACTIVE"] } });
    expect((await tg.deviceBlock(d!.id)).activeState).toBe("BLOCKED");
    expect((await tg.device(d!.id))?.activeState).toBe("BLOCKED");
    expect((await tg.deviceUnblock(d!.id)).activeState).toBe("ACTIVE");
    expect((await tg.deviceUpdate(d!.id, !d!.isTrusted)).isTrusted).toBe(!d!.isTrusted);
    expect((await tg.deviceArchive(d!.id)).activeState).toBe("ARCHIVED");
    expect((await tg.deviceUnarchive(d!.id)).activeState).toBe("ACTIVE");

    const ghost = Buffer.from("Device:3").toString("base64");
    expect((await vendorError(tg.deviceBlock(ghost))).vendorMessage).toBe(TWINGATE_ERRORS.notFound("Device", ghost));
  });

  it("an archived device comes back to ACTIVE when it connects; a blocked one does not", async () => {
    const tg = env.client();
    const [a, b] = await tg.devices({ activeState: { in: ["ACTIVE"] } });
    await tg.deviceArchive(a!.id);
    await tg.deviceBlock(b!.id);
    expect(await env.simJson("POST", `/__sim/devices/${encodeURIComponent(a!.id)}/connect`)).toMatchObject({
      activeState: "ACTIVE",
    });
    expect(await env.simJson("POST", `/__sim/devices/${encodeURIComponent(b!.id)}/connect`)).toMatchObject({
      activeState: "BLOCKED",
    });
    expect((await tg.device(a!.id))?.activeState).toBe("ACTIVE");
    expect((await tg.device(a!.id))?.lastConnectedAt).toBeNull();
    await tg.deviceUnblock(b!.id);
  });
});
