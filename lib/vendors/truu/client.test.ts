import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VendorError } from "../core/vendor-error";
import type { TruuClient } from "./client";
import { startTruu, type TruuHarness } from "./test-harness";

let h: TruuHarness;
let client: TruuClient;

beforeAll(async () => {
  h = await startTruu("small");
  client = h.client();
});
afterAll(async () => {
  await h.close();
});

async function vendorError(p: Promise<unknown>): Promise<VendorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VendorError);
  return err as VendorError;
}

describe("enrolled users", () => {
  it("lists every enrolled user on one page of 100", async () => {
    const page = await client.enrolledUsersPage();
    expect(page).toMatchObject({ page: 1, next: null, previous: null, final: 1, pageSize: 100, count: 24 });
    expect(page.results.map((u) => u.userPrincipal)).toEqual(h.sim.state.users.map((u) => u.upn));
    expect(page.results[0]!.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it("filters exactly and case-insensitively by upn, email, guid and tuid", async () => {
    const u = h.sim.state.users[3];
    for (const filter of [
      { upn: u!.upn.toUpperCase() },
      { email: u!.email.toUpperCase() },
      { guid: u!.guid.toUpperCase() },
      { tuid: u!.tuid.toUpperCase() },
    ]) {
      const page = await client.enrolledUsersPage(filter);
      expect(page.count).toBe(1);
      expect(page.results[0]!.tuid).toBe(u!.tuid);
    }
    expect((await client.enrolledUsersPage({ upn: u!.upn.slice(0, -1) })).count).toBe(0);
  });

  it("combines filters with AND", async () => {
    const [a, b] = h.sim.state.users;
    expect((await client.enrolledUsersPage({ upn: a!.upn, guid: a!.guid })).count).toBe(1);
    expect((await client.enrolledUsersPage({ upn: a!.upn, email: b!.email })).count).toBe(0);
  });

  it("collects all pages", async () => {
    expect((await client.allEnrolledUsers()).length).toBe(24);
  });

  it("refuses a page past the end with TruU's Invalid page.", async () => {
    const err = await vendorError(client.enrolledUsersPage({}, 2));
    expect(err.info).toMatchObject({
      vendor: "truu",
      operation: "listEnrolledUsers",
      kind: "http",
      status: 404,
      vendorMessage: "Invalid page.",
      retryable: false,
    });
  });
});

describe("system devices", () => {
  it("pages devices 25 at a time with numeric next/previous", async () => {
    const p1 = await client.devicesPage();
    expect(p1).toMatchObject({ page: 1, next: 2, previous: null, final: 2, pageSize: 25, count: 48 });
    expect(p1.results).toHaveLength(25);
    const p2 = await client.devicesPage(2);
    expect(p2).toMatchObject({ page: 2, next: null, previous: 1, final: 2 });
    expect(p2.results).toHaveLength(23);
    const d = p1.results[0];
    expect(typeof d!.lastHeardFrom).toBe("number");
    expect(["MAC_TPM", "WINDOWS_TPM", "ANDROID"]).toContain(d!.type);
    expect(d!.domain).toEqual(h.sim.state.domains[0]);
    expect(d!.user.guid).toBe(h.sim.state.devices[0]!.user.guid);
  });

  it("walks every page in order, fetching ahead", async () => {
    const all = await client.allDevices({ concurrency: 2 });
    expect(all.map((d) => d.deviceId)).toEqual(h.sim.state.devices.map((d) => d.deviceId));
    const pages: number[] = [];
    for await (const page of client.devicePages()) pages.push(page.page);
    expect(pages).toEqual([1, 2]);
  });

  it("refuses a page past the end", async () => {
    expect((await vendorError(client.devicesPage(3))).info).toMatchObject({
      status: 404,
      vendorMessage: "Invalid page.",
    });
  });
});

describe("domain users and their devices", () => {
  it("gets a user by guid, with its tenant", async () => {
    const u = h.sim.state.users[5];
    const got = await client.getDomainUser(u!.guid);
    expect(got).toMatchObject({
      tuid: u!.tuid,
      guid: u!.guid,
      userPrincipal: u!.upn,
      email: u!.email,
      displayName: u!.displayName,
    });
    expect(got.domain).toEqual({ key: u!.domain.key, name: "Northwind Traders", domain: "northwind" });
  });

  it("treats the guid in the path as case-sensitive", async () => {
    const u = h.sim.state.users[5];
    const err = await vendorError(client.getDomainUser(u!.guid.toUpperCase()));
    expect(err.info).toMatchObject({ operation: "getDomainUser", status: 404, vendorMessage: "Not found." });
  });

  it("gets one device of a user", async () => {
    const u = h.sim.state.users[6];
    const dev = u!.devices[0];
    const got = await client.getUserDevice(u!.guid, dev!.deviceId);
    expect(got).toMatchObject({ deviceId: dev!.deviceId, type: dev!.type, active: true, user: { guid: u!.guid } });
    const err = await vendorError(client.getUserDevice(h.sim.state.users[7]!.guid, dev!.deviceId));
    expect(err.status).toBe(404);
  });

  it("deletes a device: 200 with active:false, gone from later reads, user still enrolled", async () => {
    const u = h.sim.state.users.find((x) => x.devices.length >= 2)!;
    const dev = u.devices[0];
    const before = (await client.devicesPage()).count;
    const deleted = await client.deleteUserDevice(u.guid, dev!.deviceId);
    expect(deleted).toMatchObject({ deviceId: dev!.deviceId, active: false, user: { guid: u.guid } });
    expect((await client.devicesPage()).count).toBe(before - 1);
    expect((await vendorError(client.getUserDevice(u.guid, dev!.deviceId))).status).toBe(404);
    expect((await client.enrolledUsersPage({ guid: u.guid })).count).toBe(1);
    const [dataUser] = (await client.dataUsersPage({ guids: [u.guid] })).results;
    expect(dataUser!.devices.map((d) => d.deviceId)).not.toContain(dev!.deviceId);
    const again = await vendorError(client.deleteUserDevice(u.guid, dev!.deviceId));
    expect(again.info).toMatchObject({ operation: "deleteUserDevice", status: 404 });
  });

  it("deletes a user and all their devices (204, empty body)", async () => {
    const u = h.sim.state.users[10];
    const deviceIds = u!.devices.map((d) => d.deviceId);
    const before = await client.devicesPage();
    await expect(client.deleteDomainUser(u!.guid)).resolves.toBeUndefined();
    expect((await vendorError(client.getDomainUser(u!.guid))).status).toBe(404);
    expect((await client.enrolledUsersPage({ guid: u!.guid })).count).toBe(0);
    expect((await client.enrolledUsersPage()).count).toBe(23);
    const devices = await client.allDevices();
    expect(devices.length).toBe(before.count - deviceIds.length);
    expect(devices.some((d) => deviceIds.includes(d.deviceId))).toBe(false);
    expect((await vendorError(client.deleteDomainUser(u!.guid))).info).toMatchObject({
      operation: "deleteDomainUser",
      status: 404,
    });
  });
});

describe("data APIs", () => {
  it("lists users with their devices, 25 a page, lastHeardFrom as ISO", async () => {
    const page = await client.dataUsersPage();
    expect(page).toMatchObject({ page: 1, pageSize: 25, final: 1, next: null });
    expect(page.count).toBe(h.sim.state.users.length);
    const withDevices = page.results.find((u) => u.devices.length > 0)!;
    const d = withDevices.devices[0];
    expect(d!.lastHeardFrom).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect([100, 300, 500]).toContain(d!.assuranceLevel);
    expect(typeof d!.notificationsEnabled).toBe("boolean");
  });

  it("ORs repeated values and ANDs different parameters", async () => {
    const [a, b] = h.sim.state.users;
    const or = await client.dataUsersPage({ userPrincipals: [a!.upn.toUpperCase(), b!.upn] });
    expect(or.results.map((u) => u.guid).sort()).toEqual([a!.guid, b!.guid].sort());
    expect((await client.dataUsersPage({ emails: [a!.email], guids: [b!.guid] })).count).toBe(0);
    expect(
      (await client.dataUsersPage({ emails: [a!.email, b!.email], guids: [b!.guid.toUpperCase()] })).results.map(
        (u) => u.guid,
      ),
    ).toEqual([b!.guid]);
    expect((await client.allDataUsers({ guids: [a!.guid] })).length).toBe(1);
  });

  it("lists workstation assets with hardware, network and enrolled accounts", async () => {
    const page = await client.assetsPage();
    expect(page).toMatchObject({ page: 1, next: 2, final: 2, pageSize: 25, count: h.sim.state.assets.length });
    const laptop = page.results.find((a) => a.devices.length > 0)!;
    expect(["MAC_AGENT", "WINDOWS_AGENT"]).toContain(laptop.type);
    expect(laptop.network?.ipAddresses.length).toBeGreaterThan(0);
    expect(laptop.devices[0]!.user.guid).toBeTruthy();
    expect((await client.allAssets({}, { concurrency: 3 })).length).toBe(h.sim.state.assets.length);
  });

  it("filters assets by IP and MAC: OR within, AND across", async () => {
    const [a, b] = h.sim.state.assets;
    const or = await client.assetsPage({ ipAddresses: [a!.ipAddresses[0]!, b!.ipAddresses[0]!] });
    expect(or.results.map((x) => x.machineName).sort()).toEqual([a!.machineName, b!.machineName].sort());
    expect(
      (await client.assetsPage({ macAddresses: [a!.macAddresses[0]!.toUpperCase()] })).results[0]!.machineName,
    ).toBe(a!.machineName);
    expect(
      (await client.assetsPage({ ipAddresses: [a!.ipAddresses[0]!], macAddresses: [b!.macAddresses[0]!] })).count,
    ).toBe(0);
    expect(
      (await client.assetsPage({ ipAddresses: [a!.ipAddresses[0]!], macAddresses: [a!.macAddresses[0]!] })).count,
    ).toBe(1);
  });
});

describe("credentials and URLs", () => {
  it("reports wrong client credentials as TruU's invalid_client, without retrying", async () => {
    await h.clearSeen();
    const wrong = h.client({ credentials: { clientId: h.sim.credentials.clientId, clientSecret: "nope" } });
    const err = await vendorError(wrong.enrolledUsersPage());
    expect(err.info).toMatchObject({
      vendor: "truu",
      operation: "token",
      kind: "http",
      status: 401,
      vendorMessage: "invalid_client",
      retryable: false,
    });
    expect(await h.seen()).toEqual([{ method: "POST", path: "/oauth/token", query: "" }]);
  });

  it("sends the bearer token and a trailing slash on every URL", async () => {
    await h.clearSeen();
    await client.enrolledUsersPage({ upn: "x@y.example" });
    await client.getDomainUser(h.sim.state.users[0]!.guid);
    const api = (await h.seen()).filter((r) => r.path.startsWith("/api/"));
    expect(api.length).toBe(2);
    for (const r of api) expect(r.path.endsWith("/")).toBe(true);
  });

  it("does not follow TruU's 301 for a URL without the slash", async () => {
    // A proxy that strips the slash stands in for a misconfigured base URL.
    const stripping = h.recording((input, init) => fetch(String(input).replace(/\/(\?|$)/, "$1"), init));
    await h.clearSeen();
    const err = await vendorError(h.client({ fetch: stripping }).devicesPage());
    expect(err.info).toMatchObject({ operation: "listDevices", status: 301, retryable: false });
    expect(err.vendorMessage).toContain("/api/v1/system/devices/");
    const paths = (await h.seen()).map((r) => r.path);
    expect(paths).toContain("/api/v1/system/devices");
    expect(paths).not.toContain("/api/v1/system/devices/");
  });

  it("accepts a base URL with a trailing slash", async () => {
    expect((await h.client({ baseUrl: `${h.url}/` }).enrolledUsersPage()).count).toBeGreaterThan(0);
  });
});
