import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TruuSim } from "../../../sim/truu";
import { actInHarness, type BulkHarness, truuBulkHarness } from "../../../test/bulk-harness";
import { bulkRowsOf, planConfirmed } from "../../../test/bulk-jobs";
import type { Staff } from "../../auth/staff";
import { applyBulkJob } from "../../bulk/apply";

// TruU's deletes from the pages, against the TruU simulator over HTTP: what
// the audit log records, and a device or user that TruU no longer has (one
// deleted in TruU's own console since the last sync) counting as deleted, on
// the page as in a bulk row (plan 18, A.4 #10).

// The page actions read the session (the acting staff member) and the app's database (this test's).
vi.mock("../../auth/session", () => import("../../../test/session-as"));

let env: BulkHarness<TruuSim>;
let tenantId: string;
let staff: Staff;
const db = () => env.h.t.db;
const actions = () => import("../../truu/delete-actions");

/** Users with devices not used by an earlier test yet. */
const used = new Set<string>();
const fresh = () => {
  const user = env.sim.state.users.find((u) => u.devices.length > 1 && !used.has(u.guid));
  if (!user) throw new Error("The TruU simulator has no more users with devices.");
  used.add(user.guid);
  return user;
};
const cachedDevice = (deviceId: string) =>
  db().truuDevice.findUniqueOrThrow({ where: { tenantId_vendorId: { tenantId, vendorId: deviceId } } });
const lastEvent = (action: string) =>
  db().auditEvent.findFirstOrThrow({ where: { action, actorId: staff.id }, orderBy: { seq: "desc" } });

beforeAll(async () => {
  env = await truuBulkHarness("operator");
  tenantId = env.h.tenantId;
  staff = await actInHarness(env);
}, 120_000);
afterAll(() => env?.close());

describe("a device delete from the devices page", () => {
  it("deletes at TruU, audited with the device and its user and the device as cached before", async () => {
    const user = fresh();
    const [device] = user.devices;
    if (!device) throw new Error("no device");
    const cached = await cachedDevice(device.deviceId);
    const res = await (await actions()).deleteTruuDevice({ tenantId, deviceId: device.deviceId });
    expect(res).toMatchObject({ ok: true, data: { deviceId: device.deviceId, deviceName: cached.deviceName } });
    expect(env.sim.state.devices.find((d) => d.deviceId === device.deviceId)).toBeUndefined();
    expect((await cachedDevice(device.deviceId)).deletedAt).not.toBeNull();
    const event = await lastEvent("truu.device.deleted");
    expect(event).toMatchObject({
      outcome: "success",
      vendor: "truu",
      targets: [
        { type: "truu_device", id: device.deviceId, label: cached.deviceName ?? device.deviceId },
        { type: "truu_user", id: user.guid, label: cached.userUpn },
      ],
      before: { deviceName: cached.deviceName, type: cached.type, userUpn: cached.userUpn },
      after: { deleted: true, active: false },
    });
    expect(Object.keys(event.before as object)).not.toContain("userGuid");
  });

  it("counts a device TruU no longer has as deleted: the page succeeds and the cache follows", async () => {
    const user = fresh();
    const [device] = user.devices;
    if (!device) throw new Error("no device");
    // Deleted in TruU's own console after the last sync: the cache still shows it.
    env.sim.state.deleteDevice(device);
    const res = await (await actions()).deleteTruuDevice({ tenantId, deviceId: device.deviceId });
    expect(res, JSON.stringify(res)).toMatchObject({ ok: true, data: { deviceId: device.deviceId } });
    expect((await cachedDevice(device.deviceId)).deletedAt).not.toBeNull();
    expect(await lastEvent("truu.device.deleted")).toMatchObject({
      outcome: "success",
      after: { deleted: true, active: null },
    });
  });

  it("counts a device TruU no longer has as deleted in a bulk row too", async () => {
    const user = fresh();
    const [device] = user.devices;
    if (!device) throw new Error("no device");
    env.sim.state.deleteDevice(device);
    const csv = `deviceId\n${device.deviceId}\n`;
    const { jobId } = await planConfirmed(db(), {
      tenantId,
      staffId: staff.id,
      operationId: "truu.device.deleted",
      csv,
    });
    expect(await applyBulkJob(db(), jobId)).toBe("completed");
    const [row] = await bulkRowsOf(db(), jobId);
    expect(row).toMatchObject({ status: "succeeded", vendorMessage: "Already deleted at TruU." });
    expect((await cachedDevice(device.deviceId)).deletedAt).not.toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { jobId } });
    expect(event).toMatchObject({
      action: "truu.device.deleted",
      targets: [
        { type: "truu_device", id: device.deviceId },
        { type: "truu_user", id: user.guid },
      ],
      after: { deleted: true, active: null },
    });
  });
});

describe("a user delete from the user page", () => {
  it("refuses, sending nothing, when the user's devices are not those the confirmation listed", async () => {
    const user = fresh();
    const shown = user.devices.slice(1).map((d) => d.deviceId);
    const res = await (await actions()).deleteTruuUser({ tenantId, guid: user.guid, deviceIds: shown });
    const now = user.devices.length;
    const error = `The user's devices changed since the confirmation was shown (now ${now}). Review the list again.`;
    expect(res).toMatchObject({ ok: false, error });
    expect(env.sim.state.userByGuid(user.guid)).toBeDefined();
  });

  it("counts a user TruU no longer has as deleted: the page succeeds and the cache follows", async () => {
    const user = fresh();
    const deviceIds = user.devices.map((d) => d.deviceId);
    env.sim.state.deleteUser(user);
    const res = await (await actions()).deleteTruuUser({ tenantId, guid: user.guid, deviceIds });
    expect(res, JSON.stringify(res)).toMatchObject({
      ok: true,
      data: { guid: user.guid, upn: user.upn, devices: deviceIds.length },
    });
    const cached = await db().truuUser.findFirstOrThrow({ where: { tenantId, vendorId: user.guid } });
    expect(cached.deletedAt).not.toBeNull();
    const live = { tenantId, vendorId: { in: deviceIds }, deletedAt: null };
    expect(await db().truuDevice.count({ where: live })).toBe(0);
    const event = await lastEvent("truu.user.deleted");
    expect(event).toMatchObject({ outcome: "success", after: { deleted: true, devicesDeleted: deviceIds.length } });
    expect((event.targets as { type: string }[]).filter((t) => t.type === "truu_device")).toHaveLength(
      deviceIds.length,
    );
  });
});

describe("check now at TruU", () => {
  const lookUp = async (guid: string) => (await import("../../truu/lookup-actions")).lookUpTruuUser({ tenantId, guid });

  it("reads the user and their devices at TruU now, beside the cache, changing nothing", async () => {
    const user = fresh();
    const cachedBefore = await db().truuDevice.count({ where: { tenantId, userGuid: user.guid, deletedAt: null } });
    const res = await lookUp(user.guid);
    expect(res).toMatchObject({
      ok: true,
      data: {
        cached: { upn: user.upn, devices: cachedBefore },
        live: { gone: false, upn: user.upn, devices: expect.any(Array) },
      },
    });
    const live = (res as { data: { live: { devices: { deviceId: string }[] } } }).data.live;
    expect(live.devices.map((d) => d.deviceId).sort()).toEqual(user.devices.map((d) => d.deviceId).sort());
    expect(await lastEvent("truu.user.looked_up")).toMatchObject({
      outcome: "success",
      targets: [{ type: "truu_user", id: user.guid, label: user.upn }],
      after: { gone: false, devices: user.devices.length },
    });
    expect(await db().truuDevice.count({ where: { tenantId, userGuid: user.guid, deletedAt: null } })).toBe(
      cachedBefore,
    );
  });

  it("says so when TruU no longer knows the user (deleted in TruU's own console since the last sync)", async () => {
    const user = fresh();
    env.sim.state.deleteUser(user);
    expect(await lookUp(user.guid)).toMatchObject({ ok: true, data: { live: { gone: true, devices: [] } } });
  });
});
