import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VendorError } from "../core/vendor-error";
import { startSim } from "./test-support";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
  // Long enough that "not done yet" holds on a busy machine, short enough to keep the file quick.
  await env.simCall("PUT", "/__sim/bulk-delay", { ms: 600 });
});
afterAll(() => env.close());

const status = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof VendorError ? e.status : e),
  );

describe("JumpCloud v2 bulk jobs", () => {
  it("creates users asynchronously; results appear after a delay", async () => {
    const c = env.client();
    const jobId = await c.bulkCreateUsers([
      {
        email: "bulk.one@northwind.example",
        username: "bulk.one",
        firstname: "Bulk",
        lastname: "One",
        attributes: [{ name: "EmployeeID", value: "0001" }],
      },
      { email: "alice.dupe@northwind.example", username: [...env.org!.users.values()][0]!.username },
    ]);
    expect(await c.bulkUserResults(jobId)).toEqual([]);
    const results = await c.waitForBulkUserResults(jobId, { intervalMs: 30, timeoutMs: 3_000 });
    expect(results.map((r) => r.status)).toEqual(["finished", "failed"]);
    const created = await c.findUserByEmail("bulk.one@northwind.example");
    expect(created?.state).toBe("ACTIVATED");
    // Other creation sources get the applicationImport default (STAGED).
    const job2 = await c.bulkCreateUsers(
      [{ email: "scim.one@northwind.example", username: "scim.one" }],
      "jumpcloud:scim",
    );
    await c.waitForBulkUserResults(job2, { intervalMs: 30, timeoutMs: 3_000 });
    expect((await c.findUserByEmail("scim.one@northwind.example"))?.state).toBe("STAGED");
    expect(await status(c.bulkCreateUsers([{ email: "x@northwind.example", username: "x" }], "bogus"))).toBe(400);
  });

  it("updates, expires and unlocks in bulk", async () => {
    const c = env.client();
    const [a, b] = [...env.org!.users.values()].filter((u) => u.state === "ACTIVATED");
    const job = await c.bulkUpdateUsers([
      { id: a!._id, jobTitle: "Team Lead" },
      { id: "000000000000000000000000", jobTitle: "x" },
    ]);
    const res = await c.waitForBulkUserResults(job, { intervalMs: 30, timeoutMs: 3_000 });
    expect(res.map((r) => r.status)).toEqual(["finished", "failed"]);
    expect((await c.getUser(a!._id)).jobTitle).toBe("Team Lead");
    await c.updateUser(b!._id, { account_locked: true });
    await c.bulkExpireUsers([a!._id]);
    await c.bulkUnlockUsers([b!._id]);
    // Bulk jobs apply after the simulator's delay, as JumpCloud's do asynchronously.
    await expect
      .poll(async () => (await c.getUser(a!._id)).password_expired, { timeout: 5_000, interval: 50 })
      .toBe(true);
    await expect
      .poll(async () => (await c.getUser(b!._id)).account_locked, { timeout: 5_000, interval: 50 })
      .toBe(false);
  });

  it("schedules, lists, cancels and applies user state changes", async () => {
    const c = env.client();
    const [a, b] = [...env.org!.users.values()].filter((u) => u.state === "ACTIVATED");
    const later = await c.scheduleUserStates({
      user_ids: [a!._id, b!._id],
      state: "SUSPENDED",
      start_date: "2099-01-01T00:00:00.000Z",
    });
    expect(later.map((s) => s.systemUserId)).toEqual([a!._id, b!._id]);
    expect((await c.listScheduledUserStates(a!._id)).map((s) => s.scheduledJobId)).toEqual([later[0]!.scheduledJobId]);
    await c.cancelScheduledUserState(later[0]!.scheduledJobId);
    expect(await status(c.cancelScheduledUserState(later[0]!.scheduledJobId))).toBe(404);
    expect(await c.listScheduledUserStates(a!._id)).toEqual([]);
    await c.scheduleUserStates({
      user_ids: [a!._id],
      state: "SUSPENDED",
      start_date: new Date(Date.now() - 1000).toISOString(),
    });
    expect((await c.getUser(a!._id)).state).toBe("SUSPENDED");
    expect(
      await status(
        c.scheduleUserStates({ user_ids: [a!._id], state: "STAGED" as never, start_date: "2099-01-01T00:00:00Z" }),
      ),
    ).toBe(400);
  });
});

describe("JumpCloud Apple MDM, push verification, access requests", () => {
  it("sends MDM device commands (204); macOS lock needs a pin", async () => {
    const c = env.client();
    const [mdm] = await c.listAppleMdms();
    const devices = await c.listAppleMdmDevices(mdm!.id, { limit: 100 });
    expect(devices.total).toBe(env.org!.mdms.get(mdm!.id)!.devices.size);
    const mac = devices.items.find((d) => d.osFamily === "macos")!;
    const phone = devices.items.find((d) => d.osFamily === "ios")!;
    expect(await status(c.mdmDeviceAction(mdm!.id, mac.id, "lock"))).toBe(400);
    expect(await status(c.mdmDeviceAction(mdm!.id, mac.id, "lock", { pin: "12ab" }))).toBe(400);
    await c.mdmDeviceAction(mdm!.id, mac.id, "lock", { pin: "123456" });
    for (const a of [
      "restart",
      "shutdown",
      "clearActivationLock",
      "refreshActivationLockInformation",
      "osUpdateStatus",
    ] as const)
      await c.mdmDeviceAction(mdm!.id, phone.id, a);
    await c.scheduleOsUpdate(mdm!.id, phone.id, { product_key: "iOS18.3", install_action: "INSTALL_ASAP" });
    await c.refreshDepDevices(mdm!.id);
    await c.mdmDeviceAction(mdm!.id, phone.id, "erase");
    expect(await status(c.mdmDeviceAction(mdm!.id, phone.id, "lock"))).toBe(409);
    expect(await status(c.mdmDeviceAction(mdm!.id, "000000000000000000000000", "lock"))).toBe(404);
    expect(env.org!.commands.filter((x) => x.target === `mdmdevice:${phone.id}`).map((x) => x.command)).toEqual([
      "restart",
      "shutdown",
      "clearActivationLock",
      "refreshActivationLockInformation",
      "osUpdateStatus",
      "scheduleOSUpdate",
      "erase",
    ]);
  });

  it("verifies a push endpoint", async () => {
    const c = env.client();
    const [uid, endpoints] = [...env.org!.pushEndpoints.entries()].find(
      ([id]) => env.org!.users.get(id)!.state === "ACTIVATED",
    )!;
    const listed = await c.listPushEndpoints(uid);
    expect(listed.map((e) => e.id)).toEqual(endpoints.map((e) => e.id));
    const v = await c.verifyPushEndpoint(uid, listed[0]!.id, "Helpdesk is verifying your device");
    expect(v.id).toBeTruthy();
    expect(await status(c.verifyPushEndpoint(uid, "000000000000000000000000"))).toBe(404);
  });

  it("creates and revokes an access request", async () => {
    const c = env.client();
    const [u] = env.org!.users.values();
    const ug = [...env.org!.userGroups.values()][0];
    const r = await c.createAccessRequest({
      requestorId: u!._id,
      resourceId: ug!.id,
      resourceType: "user_group",
      remarks: "on call",
      expiry: "2030-01-01T00:00:00Z",
    });
    expect(env.org!.accessRequests.get(r.id!)?.status).toBe("ACTIVE");
    await c.revokeAccessRequest(r.id!);
    expect(env.org!.accessRequests.get(r.id!)?.status).toBe("REVOKED");
    expect(await status(c.revokeAccessRequest(r.id!))).toBe(409);
    expect(
      await status(c.createAccessRequest({ requestorId: "nobody", resourceId: ug!.id, resourceType: "user_group" })),
    ).toBe(400);
  });
});
