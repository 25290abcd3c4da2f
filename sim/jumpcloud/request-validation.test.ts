import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimServer } from "../core/http-server";
import { JumpCloudApp } from "./app";
import { JUMPCLOUD_SIM_CREDENTIALS } from "./credentials";
import { buildState } from "./state";
import { startJumpCloudSim } from "./test-sim";

// Request bodies are checked against the operation in JumpCloud's documents
// (vendor-specs/jumpcloud/), not against the client's own schemas. Each case
// below is one where the two disagree.
let s: Awaited<ReturnType<typeof startJumpCloudSim>>;
beforeAll(async () => {
  s = await startJumpCloudSim();
});
afterAll(() => s.close());

const badRequest = (message: RegExp) => ({
  status: 400,
  body: { code: 400, status: "Bad Request", message: expect.stringMatching(message) },
});
const mdm = () => [...s.org!.mdms.values()][0]!;
const enrolledPhone = () => [...mdm().devices.values()].find((d) => d.osFamily === "ios" && d.enrolled)!;
const user = (i = 0) => [...s.org!.users.values()].filter((u) => u.state === "ACTIVATED")[i];

describe("JumpCloud simulator request bodies, as the documents type them", () => {
  it("scheduleOSUpdate: install_action is the documented InstallActionType enum, not any string", async () => {
    const path = `/api/v2/applemdms/${mdm().id}/devices/${enrolledPhone().id}/scheduleOSUpdate`;
    const res = await s.call("POST", path, { product_key: "iOS18.3", install_action: "WHENEVER" });
    expect(res).toMatchObject(
      badRequest(/install_action .*DOWNLOAD_ONLY, INSTALL_LATER, INSTALL_ASAP, INSTALL_FORCE_RESTART/),
    );
    expect((await s.call("POST", path, { product_key: "iOS18.3", install_action: "INSTALL_LATER" })).status).toBe(204);
  });

  it(
    "user associations: attributes.sudo needs both enabled and " + "withoutPassword (GraphAttribute_Sudo_sudo)",
    async () => {
      const group = [...s.org!.systemGroups.values()][0];
      const path = `/api/v2/users/${user()!._id}/associations`;
      const half = await s.call("POST", path, {
        op: "add",
        type: "system_group",
        id: group!.id,
        attributes: { sudo: { enabled: true } },
      });
      expect(half).toMatchObject(badRequest(/withoutPassword/));
      expect(
        (
          await s.call("POST", path, {
            op: "add",
            type: "system_group",
            id: group!.id,
            attributes: { sudo: { enabled: true, withoutPassword: false } },
          })
        ).status,
      ).toBe(204);
    },
  );

  it(
    "group members: op update is in the documented GraphOperation " + "enum; type must be the group's member type",
    async () => {
      const [gid, members] = [...s.org!.members].find(([id, m]) => s.org!.userGroups.has(id) && m.size > 0)!;
      const member = [...members][0];
      const path = `/api/v2/usergroups/${gid}/members`;
      expect((await s.call("POST", path, { op: "update", type: "user", id: member })).status).toBe(204);
      expect(s.org!.members.get(gid)?.has(member!)).toBe(true);
      expect(await s.call("POST", path, { op: "add", type: "system", id: member })).toMatchObject(
        badRequest(/type .*allowed values: user/),
      );
    },
  );

  it("scheduled state changes: start_date is a date-time, and an empty user_ids list is documented", async () => {
    const dateOnly = await s.call("POST", "/api/v2/bulk/userstates", {
      user_ids: [user()!._id],
      state: "SUSPENDED",
      start_date: "2099-01-01",
    });
    expect(dateOnly).toMatchObject(badRequest(/start_date must match format "date-time"/));
    const none = await s.call("POST", "/api/v2/bulk/userstates", {
      user_ids: [],
      state: "SUSPENDED",
      start_date: "2099-01-01T00:00:00Z",
    });
    expect(none).toMatchObject({ status: 201, body: [] });
  });

  it("activate: email may be true, false or an address, as the operation's description documents", async () => {
    const staged = async (n: number) => {
      const created = await s.call("POST", "/api/systemusers", {
        username: `staged.${n}`,
        email: `staged.${n}@example.com`,
        state: "STAGED",
      });
      expect(created.body).toMatchObject({ state: "STAGED" });
      return created.body._id as string;
    };
    for (const [n, email] of [true, false, "someone@example.com"].entries()) {
      const id = await staged(n);
      expect((await s.call("POST", `/api/systemusers/${id}/state/activate`, { email })).status).toBe(200);
      expect(s.org!.users.get(id)?.state).toBe("ACTIVATED");
    }
    expect(await s.call("POST", `/api/systemusers/${await staged(9)}/state/activate`, { email: 7 })).toMatchObject(
      badRequest(/email/),
    );
  });

  it("answers a body that is not JSON, and a missing body an operation requires, with 400", async () => {
    expect(await s.call("PUT", `/api/systemusers/${user()!._id}`, "{not json")).toMatchObject(
      badRequest(/invalid JSON/),
    );
    const [uid, endpoints] = [...s.org!.pushEndpoints.entries()][0]!;
    expect(await s.call("POST", `/api/v2/users/${uid}/pushendpoints/${endpoints[0]!.id}/verify`)).toMatchObject(
      badRequest(/body is required/),
    );
  });

  it("reads an absent optional body as {}, so the documented required fields are still asked for", async () => {
    expect(await s.call("POST", "/api/v2/usergroups")).toMatchObject(badRequest(/must have required property 'name'/));
    expect(await s.call("PATCH", "/api/v2/bulk/users")).toMatchObject(badRequest(/body must be array/));
  });

  it("refuses to serve a route no document describes", () => {
    const app = new JumpCloudApp(
      new SimServer({ envPrefix: "SIM_JUMPCLOUD_TEST" }),
      buildState("small"),
      JUMPCLOUD_SIM_CREDENTIALS,
      { requests: 0, windowMs: 60_000 },
    );
    expect(() => app.route("POST", "/api/v2/usergroups/:group_id/archive", () => ({ status: 204 }))).toThrow(
      /no documented operation/,
    );
    expect(() => app.route("POST", "/api/v2/usergroups/:group_id/members", () => ({ status: 204 }))).not.toThrow();
  });
});
