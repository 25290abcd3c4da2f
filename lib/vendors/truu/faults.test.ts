import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FetchLike } from "../core/http";
import { VendorError } from "../core/vendor-error";
import { FAST_RETRY, startTruu, type TruuHarness } from "./test-harness";

let h: TruuHarness;

beforeAll(async () => {
  h = await startTruu("small");
});
afterEach(async () => {
  await h.resetFaults();
  await h.clearSeen();
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

const apiCalls = () => h.sent.filter((r) => r.path !== "/oauth/token");
const tokenCalls = () => h.sent.filter((r) => r.path === "/oauth/token");

/** Turns the error-rate fault off as soon as one 500 has been answered. */
const oneServerError = (): FetchLike => async (input, init) => {
  const res = await fetch(input, init);
  if (res.status === 500) await h.faults({ errorRate: 0 });
  return res;
};

describe("retries", () => {
  it("survives a burst of 429 by waiting out Retry-After", async () => {
    const client = h.client();
    await client.enrolledUsersPage();
    await h.faults({ burst429: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const page = await client.devicesPage();
    expect(page.count).toBe(48);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(apiCalls().map((r) => r.status)).toEqual([200, 429, 200]);
  });

  it("survives a longer burst of 429 with Retry-After: 0", async () => {
    const client = h.client();
    await client.enrolledUsersPage();
    await h.faults({ burst429: 3, retryAfterSeconds: 0 });
    expect((await client.dataUsersPage()).count).toBe(24);
    expect(apiCalls().map((r) => r.status)).toEqual([200, 429, 429, 429, 200]);
  });

  it("gives up when the 429s outlast the retries", async () => {
    const client = h.client({ retry: { ...FAST_RETRY, retries: 1 } });
    await client.enrolledUsersPage();
    await h.faults({ burst429: 5, retryAfterSeconds: 0 });
    const err = await vendorError(client.devicesPage());
    expect(err.info).toMatchObject({ status: 429, retryable: true });
  });

  it("retries a 500 on an idempotent read", async () => {
    const client = h.client({ fetch: h.recording(oneServerError()) });
    await client.enrolledUsersPage();
    await h.faults({ errorRate: 1 });
    expect((await client.assetsPage()).count).toBe(h.sim.state.assets.length);
    expect(apiCalls().map((r) => r.status)).toEqual([200, 500, 200]);
  });

  it("ends a hung read in a timeout VendorError", async () => {
    const client = h.client({ timeoutMs: 200, retry: { ...FAST_RETRY, retries: 0 } });
    await client.enrolledUsersPage();
    await h.faults({ hang: 1 });
    const err = await vendorError(client.devicesPage());
    expect(err.info).toMatchObject({ operation: "listDevices", kind: "timeout", status: null, retryable: true });
  });

  it("retries a hung read when retries are allowed", async () => {
    const client = h.client({ timeoutMs: 200 });
    await client.enrolledUsersPage();
    await h.faults({ hang: 1 });
    expect((await client.devicesPage()).count).toBe(48);
    expect(apiCalls().map((r) => r.status)).toEqual([200, null, 200]);
  });
});

describe("deletes are not resent when the outcome is unknown", () => {
  it("does not resend a device delete answered 500 after it was carried out", async () => {
    const client = h.client();
    const u = h.sim.state.users.find((x) => x.devices.length >= 2 && !x.deleted)!;
    const dev = u.devices[0];
    await client.enrolledUsersPage();
    await h.clearSeen();
    await (await h.admin("POST", "fail-after-write", { count: 1 })).text();
    const err = await vendorError(client.deleteUserDevice(u.guid, dev!.deviceId));
    expect(err.info).toMatchObject({ operation: "deleteUserDevice", status: 500, retryable: true });
    const deletes = (await h.seen()).filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(1);
    // It did happen: the caller must look before trying again.
    expect((await vendorError(client.getUserDevice(u.guid, dev!.deviceId))).status).toBe(404);
  });

  it("does not resend a user delete answered 500", async () => {
    const client = h.client();
    const u = h.sim.state.users.find((x) => !x.deleted)!;
    await client.enrolledUsersPage();
    await h.clearSeen();
    await h.faults({ errorRate: 1 });
    const err = await vendorError(client.deleteDomainUser(u.guid));
    await h.faults({ errorRate: 0 });
    expect(err.info).toMatchObject({ operation: "deleteDomainUser", status: 500 });
    expect(h.sent.filter((r) => r.method === "DELETE")).toEqual([
      { method: "DELETE", path: `/api/v1/system/domainusers/${u.guid}/`, query: "", status: 500 },
    ]);
    expect((await client.getDomainUser(u.guid)).guid).toBe(u.guid);
  });

  it("does not resend a user delete that timed out", async () => {
    const client = h.client({ timeoutMs: 200 });
    const u = h.sim.state.users.find((x) => !x.deleted)!;
    await client.enrolledUsersPage();
    await h.clearSeen();
    await h.faults({ hang: 1 });
    const err = await vendorError(client.deleteDomainUser(u.guid));
    expect(err.info).toMatchObject({ operation: "deleteDomainUser", kind: "timeout" });
    expect(h.sent.filter((r) => r.method === "DELETE")).toHaveLength(1);
    expect((await h.seen()).filter((r) => r.method === "DELETE")).toHaveLength(0);
  });

  it("does resend a delete refused with 429: nothing was done", async () => {
    const client = h.client();
    const u = h.sim.state.users.find((x) => !x.deleted && x.devices.length > 0)!;
    await client.enrolledUsersPage();
    await h.clearSeen();
    await h.faults({ burst429: 1, retryAfterSeconds: 0 });
    const deleted = await client.deleteUserDevice(u.guid, u.devices[0]!.deviceId);
    expect(deleted.active).toBe(false);
    expect(h.sent.map((r) => r.status)).toEqual([429, 200]);
  });
});

describe("tokens", () => {
  it("reuses one token, shared by concurrent calls", async () => {
    const client = h.client();
    await Promise.all([client.devicesPage(1), client.devicesPage(2), client.enrolledUsersPage(), client.assetsPage()]);
    await client.dataUsersPage();
    expect(tokenCalls()).toHaveLength(1);
  });

  it("refreshes before expires_in runs out", async () => {
    let now = 1_000_000;
    const client = h.client({ now: () => now });
    await client.enrolledUsersPage();
    now += 7_199_000 - 30_000;
    await client.enrolledUsersPage();
    expect(h.sent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(tokenCalls()).toHaveLength(2);
  });

  it("replaces a token that expired early (401) and retries once", async () => {
    await h.faults({ tokenTtlSeconds: 1 });
    const client = h.client();
    await client.enrolledUsersPage();
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await client.devicesPage()).count).toBe(h.sim.state.devices.length);
    expect(h.sent.map((r) => `${r.path === "/oauth/token" ? "token" : "api"} ${r.status}`)).toEqual([
      "token 200",
      "api 200",
      "api 401",
      "token 200",
      "api 200",
    ]);
  });

  it("replaces a revoked token, also for a delete", async () => {
    const client = h.client();
    const u = h.sim.state.users.find((x) => !x.deleted && x.devices.length > 0)!;
    await client.enrolledUsersPage();
    await h.admin("POST", "revoke-tokens");
    expect((await client.deleteUserDevice(u.guid, u.devices[0]!.deviceId)).active).toBe(false);
    expect(h.sent.filter((r) => r.method === "DELETE").map((r) => r.status)).toEqual([401, 200]);
  });

  it("gives up after one refresh when the new token is refused too", async () => {
    const revoking: FetchLike = async (input, init) => {
      if (!String(input).includes("/oauth/")) await h.admin("POST", "revoke-tokens");
      return fetch(input, init);
    };
    const client = h.client({ fetch: h.recording(revoking) });
    const err = await vendorError(client.enrolledUsersPage());
    expect(err.info).toMatchObject({ operation: "listEnrolledUsers", status: 401, vendorMessage: "Invalid token." });
    expect(tokenCalls()).toHaveLength(2);
    expect(apiCalls()).toHaveLength(2);
  });
});
