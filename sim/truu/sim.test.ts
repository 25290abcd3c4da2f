import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDirectory } from "../core/directory";
import { TRUU_SIM_CREDENTIALS } from "./credentials";
import { createTruuSim, type TruuSim } from "./server";

describe("seeding", () => {
  it("enrolls every person of the shared directory with 1–3 devices, two on average", () => {
    const sim = createTruuSim();
    const people = buildDirectory("small")[0]!.people;
    expect(sim.state.users.map((u) => [u.guid, u.upn])).toEqual(people.map((p) => [p.guid, p.upn]));
    for (const u of sim.state.users) expect(u.devices.length).toBeGreaterThanOrEqual(1);
    for (const u of sim.state.users) expect(u.devices.length).toBeLessThanOrEqual(3);
    expect(sim.state.devices).toHaveLength(people.length * 2);
    expect(new Set(sim.state.devices.map((d) => d.type))).toEqual(new Set(["MAC_TPM", "WINDOWS_TPM", "ANDROID"]));
    expect(new Set(sim.state.assets.map((a) => a.type))).toEqual(new Set(["MAC_AGENT", "WINDOWS_AGENT"]));
  });

  it("is deterministic", () => {
    const a = createTruuSim();
    const b = createTruuSim();
    expect(b.state.users.map((u) => u.tuid)).toEqual(a.state.users.map((u) => u.tuid));
    expect(b.state.devices.map((d) => d.deviceId)).toEqual(a.state.devices.map((d) => d.deviceId));
  });

  it("builds a large tenant of 50,000 users and 100,000 devices", async () => {
    const sim = createTruuSim({ size: "large" });
    expect(sim.state.users).toHaveLength(50_000);
    expect(sim.state.devices).toHaveLength(100_000);
    const { url } = await sim.server.listen(0);
    try {
      const form = new URLSearchParams({
        grant_type: "client_credentials",
        scope: "tenant-management-api-user",
        client_id: sim.credentials.clientId,
        client_secret: sim.credentials.clientSecret,
      });
      const { access_token } = (await (await fetch(`${url}/oauth/token`, { method: "POST", body: form })).json()) as {
        access_token: string;
      };
      const auth = { authorization: `Bearer ${access_token}` };
      const last = await (await fetch(`${url}/api/v1/system/devices/?page=4000`, { headers: auth })).json();
      expect(last).toMatchObject({ page: 4000, final: 4000, next: null, count: 100_000 });
      const u = sim.state.users[49_999];
      const found = await (
        await fetch(`${url}/api/v1/system/enrolled/users/?upn=${encodeURIComponent(u!.upn)}`, { headers: auth })
      ).json();
      expect(found).toMatchObject({ count: 1, results: [{ guid: u!.guid }] });
    } finally {
      await sim.server.close();
    }
  }, 30_000);
});

describe("HTTP behaviour", () => {
  let sim: TruuSim;
  let url: string;
  let token: string;
  const tokenRequest = (fields: Record<string, string>) =>
    fetch(`${url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
  const good = {
    grant_type: "client_credentials",
    scope: "tenant-management-api-user",
    client_id: TRUU_SIM_CREDENTIALS.clientId,
    client_secret: TRUU_SIM_CREDENTIALS.clientSecret,
  };

  beforeAll(async () => {
    sim = createTruuSim();
    url = (await sim.server.listen(0)).url;
    token = ((await (await tokenRequest(good)).json()) as { access_token: string }).access_token;
  });
  afterAll(async () => {
    await sim.server.close();
  });

  it("issues tokens shaped like TruU's", async () => {
    const body = await (await tokenRequest(good)).json();
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 7199,
      scope: "tenant-management-api-user",
      domain: sim.state.domains[0]!.key,
      ver: "2.0",
    });
  });

  it("refuses bad token requests the OAuth way", async () => {
    const wrong = await tokenRequest({ ...good, client_secret: "x" });
    expect([wrong.status, await wrong.json()]).toEqual([401, { error: "invalid_client" }]);
    const missing = await tokenRequest({ grant_type: "client_credentials", scope: good.scope });
    expect(missing.status).toBe(401);
    const grant = await tokenRequest({ ...good, grant_type: "password" });
    expect([grant.status, await grant.json()]).toEqual([400, { error: "unsupported_grant_type" }]);
    const scope = await tokenRequest({ ...good, scope: "tenant-management-api-agent" });
    expect([scope.status, await scope.json()]).toEqual([400, { error: "invalid_scope" }]);
  });

  it("refuses API calls without a valid bearer token", async () => {
    const none = await fetch(`${url}/api/v1/system/devices/`);
    expect(none.status).toBe(401);
    const bad = await fetch(`${url}/api/v1/system/devices/`, { headers: { authorization: "Bearer nope" } });
    expect([bad.status, await bad.json()]).toEqual([401, { detail: "Invalid token." }]);
  });

  it("answers 301 with no results to every URL without the trailing slash", async () => {
    const u = sim.state.users[0];
    const paths = [
      "/api/v1/system/enrolled/users?upn=a%40b.example",
      "/api/v1/system/devices",
      `/api/v1/system/domainusers/${u!.guid}`,
      `/api/v1/system/domainusers/${u!.guid}/devices/${u!.devices[0]!.deviceId}`,
      "/data/api/v1/users",
      "/data/api/v1/assets",
    ];
    for (const p of paths) {
      const res = await fetch(`${url}${p}`, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
      expect(res.status).toBe(301);
      expect(await res.text()).toBe("");
      const [path, qs] = p.split("?");
      expect(res.headers.get("location")).toBe(`${path}/${qs ? `?${qs}` : ""}`);
    }
    const del = await fetch(`${url}/api/v1/system/domainusers/${u!.guid}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
      redirect: "manual",
    });
    expect(del.status).toBe(301);
    expect(sim.state.userByGuid(u!.guid)).toBeDefined();
  });

  it("answers Invalid page. for pages that do not exist", async () => {
    for (const page of ["0", "2", "x", "-1"]) {
      const res = await fetch(`${url}/api/v1/system/enrolled/users/?page=${page}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([res.status, await res.json()]).toEqual([404, { detail: "Invalid page." }]);
    }
  });

  it("reports its size under /__sim/", async () => {
    const s = await (await fetch(`${url}/__sim/summary`)).json();
    expect(s).toMatchObject({ users: 24, devices: 48, assets: sim.state.assets.length });
  });
});

describe("the request log", () => {
  it("keeps the latest requests only and says how many older ones it dropped", async () => {
    const sim = createTruuSim({ requestLogLimit: 10 });
    const { url } = await sim.server.listen(0);
    try {
      for (let i = 1; i <= 25; i++) await fetch(`${url}/api/v1/system/devices/?page=${i}`);
      const { requests, dropped } = (await (await fetch(`${url}/__sim/requests`)).json()) as {
        requests: { query: string }[];
        dropped: number;
      };
      expect(requests.length + dropped).toBe(25);
      expect(requests.length).toBeLessThanOrEqual(10);
      expect(requests.at(-1)?.query).toBe("page=25");
      await fetch(`${url}/__sim/requests`, { method: "DELETE" });
      expect(await (await fetch(`${url}/__sim/requests`)).json()).toEqual({ requests: [], dropped: 0 });
    } finally {
      await sim.server.close();
    }
  });
});
