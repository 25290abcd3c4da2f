import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VendorError } from "../core/vendor-error";
import { startSim } from "./test-support";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
});
afterAll(() => env.close());

const status = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof VendorError ? e.status : e),
  );

describe("JumpCloud v1 systems", () => {
  it("lists, gets and sends builtin commands (201)", async () => {
    const c = env.client();
    const page = await c.listSystems({ limit: 10, skip: 0 });
    expect(page.total).toBe(env.org!.systems.size);
    const all = await c.allSystems({ filter: "osFamily:$eq:darwin" }, { pageSize: 3 });
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((s) => s.osFamily === "darwin")).toBe(true);
    const s = await c.getSystem(page.items[0]!._id);
    expect(s.displayName).toBe(page.items[0]!.displayName);
    for (const cmd of ["lock", "restart", "shutdown", "erase"] as const) await c.systemCommand(s._id, cmd);
    expect(env.org!.commands.filter((x) => x.target === `system:${s._id}`).map((x) => x.command)).toEqual([
      "lock",
      "restart",
      "shutdown",
      "erase",
    ]);
    expect(await status(c.systemCommand("000000000000000000000000", "lock"))).toBe(404);
  });
});

describe("JumpCloud v2 groups", () => {
  for (const kind of ["user", "system"] as const) {
    it(`${kind} groups: list with x-total-count, create 201, get, update, delete`, async () => {
      const c = env.client();
      const page = await c.listGroups(kind, { limit: 2, skip: 0 });
      expect(page.total).toBe(kind === "user" ? env.org!.userGroups.size : env.org!.systemGroups.size);
      expect(page.items).toHaveLength(2);
      expect((await c.allGroups(kind, {}, { pageSize: 2 })).length).toBe(page.total);
      const g = await c.createGroup(kind, { name: `Contractors ${kind}`, description: "temp" });
      expect(g.type).toBe(kind === "user" ? "user_group" : "system_group");
      expect(await status(c.createGroup(kind, { name: `Contractors ${kind}` }))).toBe(409);
      expect((await c.listGroups(kind, { filter: `name:eq:Contractors ${kind}` })).items.map((x) => x.id)).toEqual([
        g.id,
      ]);
      expect((await c.getGroup(kind, g.id)).description).toBe("temp");
      expect((await c.updateGroup(kind, g.id, { name: `Vendors ${kind}` })).name).toBe(`Vendors ${kind}`);
      expect(await status(c.updateGroup(kind, g.id, { name: "" }))).toBe(400);
      await c.deleteGroup(kind, g.id);
      expect(await status(c.getGroup(kind, g.id))).toBe(404);
    });

    it(`${kind} group members: list, add 204, re-add 409, remove`, async () => {
      const c = env.client();
      const groups = kind === "user" ? env.org!.userGroups : env.org!.systemGroups;
      const g = [...groups.values()][0];
      const members = await c.listGroupMembers(kind, g!.id, { limit: 100 });
      expect(members.total).toBe(env.org!.members.get(g!.id)!.size);
      expect(members.items[0]!.to.type).toBe(kind);
      const outsider =
        kind === "user"
          ? [...env.org!.users.keys()].find((id) => !env.org!.members.get(g!.id)!.has(id))!
          : [...env.org!.systems.keys()].find((id) => !env.org!.members.get(g!.id)!.has(id))!;
      await c.modifyGroupMembers(kind, g!.id, "add", outsider);
      expect(await status(c.modifyGroupMembers(kind, g!.id, "add", outsider))).toBe(409);
      expect((await c.listGroupMembers(kind, g!.id, { limit: 100 })).total).toBe(members.total! + 1);
      await c.modifyGroupMembers(kind, g!.id, "remove", outsider);
      expect(await status(c.modifyGroupMembers(kind, g!.id, "remove", outsider))).toBe(404);
    });
  }
});

describe("JumpCloud v2 graph", () => {
  it("graph reads send the organisation with an MSP key, page with skip/limit and report x-total-count", async () => {
    const msp = { apiKey: env.sim.credentials.mspApiKey, orgId: env.org!.id };
    const c = env.client({ credentials: msp });
    const [gid, members] = [...env.org!.members].find(([id, m]) => env.org!.userGroups.has(id) && m.size > 2)!;
    const page = await c.listGroupMembers("user", gid, { limit: 2, skip: 1 });
    expect(page.total).toBe(members.size);
    expect(page.items.map((m) => m.to.id)).toEqual([...members].slice(1, 3));
    const [u] = env.org!.users.values();
    expect((await c.listAssociations("users", u!._id, ["system"])).items.every((a) => a.to.type === "system")).toBe(
      true,
    );
    const withoutOrg = env.client({ credentials: { apiKey: msp.apiKey } });
    expect(await status(withoutOrg.listAssociations("users", u!._id, ["system"]))).toBeGreaterThanOrEqual(400);
    expect(await status(c.listGroupMembers("user", "000000000000000000000000"))).toBe(404);
  });

  it("user associations: targets required (400), add 204, 409 on repeat, update, remove", async () => {
    const c = env.client();
    const [u] = env.org!.users.values();
    const sg = [...env.org!.systemGroups.values()][0];
    expect(await status(c.listAssociations("users", u!._id, []))).toBe(400);
    const before = await c.listAssociations("users", u!._id, ["system", "system_group"]);
    expect(before.items.some((a) => a.to.type === "system")).toBe(true);
    await c.modifyAssociation("users", u!._id, {
      op: "add",
      type: "system_group",
      id: sg!.id,
      attributes: { sudo: { enabled: true, withoutPassword: false } },
    });
    expect(await status(c.modifyAssociation("users", u!._id, { op: "add", type: "system_group", id: sg!.id }))).toBe(
      409,
    );
    const after = await c.listAssociations("users", u!._id, ["system_group"]);
    expect(after.items.find((a) => a.to.id === sg!.id)?.attributes).toEqual({
      sudo: { enabled: true, withoutPassword: false },
    });
    await c.modifyAssociation("users", u!._id, {
      op: "update",
      type: "system_group",
      id: sg!.id,
      attributes: { sudo: { enabled: false, withoutPassword: false } },
    });
    await c.modifyAssociation("users", u!._id, { op: "remove", type: "system_group", id: sg!.id });
    expect((await c.listAssociations("users", u!._id, ["system_group"])).items.some((a) => a.to.id === sg!.id)).toBe(
      false,
    );
  });

  it("associations on user groups, systems and system groups", async () => {
    const c = env.client();
    const ug = [...env.org!.userGroups.values()][0];
    const sg = [...env.org!.systemGroups.values()].find((g) => g.name === "Remote Desktop Farm")!;
    const sys = [...env.org!.systems.values()][0];
    expect(
      (await c.listAssociations("usergroups", ug!.id, ["system_group"])).items.some((a) => a.to.id === sg.id),
    ).toBe(true);
    expect(
      (await c.listAssociations("systemgroups", sg.id, ["user_group"])).items.some((a) => a.to.id === ug!.id),
    ).toBe(true);
    await c.modifyAssociation("systems", sys!._id, { op: "add", type: "user_group", id: ug!.id });
    expect((await c.listAssociations("usergroups", ug!.id, ["system"])).items.some((a) => a.to.id === sys!._id)).toBe(
      true,
    );
    await c.modifyAssociation("usergroups", ug!.id, { op: "remove", type: "system", id: sys!._id });
    await c.modifyAssociation("systemgroups", sg.id, { op: "remove", type: "user_group", id: ug!.id });
    expect((await c.listAssociations("systems", sys!._id, ["user_group"])).items.some((a) => a.to.id === ug!.id)).toBe(
      false,
    );
    expect(await status(c.listAssociations("systems", sys!._id, ["system_group"]))).toBe(400);
  });

  it("memberof, membership and the systems a user reaches", async () => {
    const c = env.client();
    const ug = [...env.org!.userGroups.values()].find((g) => g.name === "IT Users")!;
    const uid = [...env.org!.members.get(ug.id)!][0];
    const memberOf = await c.userMemberOf(uid!);
    expect(memberOf.items.map((g) => g.id)).toContain(ug.id);
    const membership = await c.userGroupMembership(ug.id, { limit: 100 });
    expect(membership.items.map((x) => x.id)).toContain(uid);
    const systems = await c.userSystems(uid!, { limit: 100 });
    const farm = [...env.org!.systemGroups.values()].find((g) => g.name === "Remote Desktop Farm")!;
    const server = [...env.org!.members.get(farm.id)!][0];
    const viaFarm = systems.items.find((s) => s.id === server);
    expect(viaFarm?.paths[0]?.map((e) => e.to.type)).toEqual(["user_group", "system_group", "system"]);
    expect(viaFarm?.compiledAttributes).toEqual({ sudo: { enabled: true, withoutPassword: false } });
    const sysMemberOf = await c.systemMemberOf(server!);
    expect(sysMemberOf.items.map((g) => g.id)).toContain(farm.id);
  });
});
