import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncHarness, syncHarness } from "../../../test/sync-harness";
import { connectionRecord } from "../../vendors/connection-record";
import { startTruu, type TruuHarness } from "../../vendors/truu/test-harness";
import { normEmail } from "../target";
import { truuSync } from "./sync";
import { assetUpns } from "./targets";

let truu: TruuHarness;
let h: SyncHarness;

beforeAll(async () => {
  truu = await startTruu("small");
  h = await syncHarness("truu", truuSync, { baseUrl: truu.url, secrets: { ...truu.sim.credentials } });
});
afterAll(async () => {
  await h?.close();
  await truu?.close();
});

const live = { deletedAt: null };
const counts = async () => ({
  users: await h.t.db.truuUser.count({ where: { tenantId: h.tenantId, ...live } }),
  devices: await h.t.db.truuDevice.count({ where: { tenantId: h.tenantId, ...live } }),
  assets: await h.t.db.truuAsset.count({ where: { tenantId: h.tenantId, ...live } }),
});
const upstream = () => ({
  users: truu.sim.state.users.length,
  devices: truu.sim.state.devices.length,
  assets: truu.sim.state.assets.length,
});
const total = (c: { users: number; devices: number; assets: number }) => c.users + c.devices + c.assets;
const driftOf = (runId: string) =>
  h.t.db.auditEvent.findMany({
    where: { jobId: runId, action: { endsWith: ".changed_externally" } },
    orderBy: { seq: "asc" },
  });

describe("truuSync against the TruU simulator", () => {
  it("fills users, devices (with assurance levels) and assets on the first run", async () => {
    const run = await h.run();
    expect(run).toMatchObject({
      status: "succeeded",
      error: null,
      phase: "done",
      updated: 0,
      deleted: 0,
      driftEvents: 0,
    });
    const n = upstream();
    expect(await counts()).toEqual(n);
    expect(run.fetched).toBe(total(n));
    expect(run.created).toBe(total(n));
    expect(run.detail).toMatchObject({
      user: { fetched: n.users, created: n.users },
      device: { fetched: n.devices, created: n.devices },
      asset: { fetched: n.assets, created: n.assets },
    });

    const client = truu.client();
    const [users, devices, dataUsers, assets] = await Promise.all([
      client.allEnrolledUsers(),
      client.allDevices(),
      client.allDataUsers(),
      client.allAssets(),
    ]);
    const level = new Map(dataUsers.flatMap((u) => u.devices.map((d) => [d.deviceId, d.assuranceLevel] as const)));

    const userRows = new Map(
      (await h.t.db.truuUser.findMany({ where: { tenantId: h.tenantId } })).map((r) => [r.vendorId, r]),
    );
    for (const u of users) {
      expect(userRows.get(u.guid)).toMatchObject({
        tuid: u.tuid,
        upn: u.userPrincipal,
        email: u.email,
        displayName: u.displayName,
        emailNorm: normEmail(u.userPrincipal),
        createdAtVendor: new Date(u.created),
        raw: u,
      });
    }
    const deviceRows = new Map(
      (await h.t.db.truuDevice.findMany({ where: { tenantId: h.tenantId } })).map((r) => [r.vendorId, r]),
    );
    for (const d of devices) {
      expect(deviceRows.get(d.deviceId)).toMatchObject({
        deviceName: d.deviceName,
        type: d.type,
        active: true,
        userGuid: d.user.guid,
        userUpn: d.user.userPrincipal,
        userEmailNorm: normEmail(d.user.userPrincipal),
        lastHeardFrom: new Date(d.lastHeardFrom!),
        assuranceLevel: level.get(d.deviceId),
      });
    }
    expect(new Set([...deviceRows.values()].map((r) => r.assuranceLevel))).toEqual(new Set([100, 300, 500]));
    const assetRows = new Map(
      (await h.t.db.truuAsset.findMany({ where: { tenantId: h.tenantId } })).map((r) => [r.vendorId, r]),
    );
    for (const a of assets) {
      expect(assetRows.get(a.machineName)).toMatchObject({
        machineName: a.machineName,
        type: a.type,
        ips: a.network!.ipAddresses,
        macs: a.network!.macAddresses,
        upns: assetUpns(a),
      });
    }
    expect([...assetRows.values()].some((r) => r.upns.length > 1)).toBe(true);
    // Every enrolled user becomes a linked person.
    expect(await h.t.db.person.count({ where: { tenantId: h.tenantId } })).toBe(n.users);
  });

  it("writes nothing on a second run with no upstream change", async () => {
    const auditBefore = await h.t.db.auditEvent.count();
    const run = await h.run();
    expect(run).toMatchObject({
      status: "succeeded",
      created: 0,
      updated: 0,
      deleted: 0,
      driftEvents: 0,
      unchanged: total(upstream()),
    });
    expect(await h.t.db.auditEvent.count()).toBe(auditBefore);
  });

  it("reports a change made at TruU once, with before and after", async () => {
    const state = truu.sim.state;
    // Removing a user's own laptop enrolment changes who is enrolled on that workstation.
    const device = state.devices.find((d) => d.asset && d.asset.devices.filter((x) => x.user === d.user).length === 1)!;
    const asset = device.asset!;
    const upnsBefore = [...new Set(asset.devices.map((d) => d.user.upn))].sort();
    await truu.client().deleteUserDevice(device.user.guid, device.deviceId);
    const upnsAfter = upnsBefore.filter((u) => u !== device.user.upn);
    // A rename in the directory TruU syncs from.
    const renamed = state.users.find((u) => u !== device.user)!;
    const oldName = renamed.displayName;
    renamed.displayName = `${oldName} Jr`;

    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", created: 0, deleted: 1, driftEvents: 2 });
    expect(
      await h.t.db.truuDevice.findFirst({ where: { tenantId: h.tenantId, vendorId: device.deviceId } }),
    ).toMatchObject({ deletedAt: expect.any(Date) });
    const events = await driftOf(run.id);
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.action === "truu.asset.changed_externally")).toMatchObject({
      tenantId: h.tenantId,
      vendor: "truu",
      actorId: null,
      outcome: "success",
      targets: [{ type: "truu_asset", id: asset.machineName }],
      before: { upns: upnsBefore },
      after: { upns: upnsAfter },
    });
    expect(events.find((e) => e.action === "truu.user.changed_externally")).toMatchObject({
      targets: [{ type: "truu_user", id: renamed.guid, label: renamed.upn }],
      before: { displayName: oldName },
      after: { displayName: `${oldName} Jr` },
    });

    const again = await h.run();
    expect(again).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0, driftEvents: 0 });
    expect(await driftOf(again.id)).toHaveLength(0);
  });

  it("marks a user deleted at TruU, with their devices, on the next run", async () => {
    const user = truu.sim.state.users[3];
    const deviceIds = user!.devices.map((d) => d.deviceId);
    expect(deviceIds.length).toBeGreaterThan(0);
    await truu.client().deleteDomainUser(user!.guid);

    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", deleted: 1 + deviceIds.length });
    expect(run.detail).toMatchObject({ user: { deleted: 1 }, device: { deleted: deviceIds.length } });
    expect(
      (await h.t.db.truuUser.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: user!.guid } })).deletedAt,
    ).toBeInstanceOf(Date);
    const gone = await h.t.db.truuDevice.findMany({ where: { tenantId: h.tenantId, vendorId: { in: deviceIds } } });
    expect(gone.map((d) => d.deletedAt)).toEqual(deviceIds.map(() => expect.any(Date)));
    expect(await counts()).toEqual(upstream());
  });

  it("survives a 429 burst and a 5xx error rate", async () => {
    const faults = async () => (await (await truu.admin("GET", "faults")).json()) as { burst429: number };
    try {
      await truu.faults({ burst429: 4, retryAfterSeconds: 1 });
      const limited = await h.run();
      expect(limited).toMatchObject({
        status: "succeeded",
        created: 0,
        updated: 0,
        deleted: 0,
        fetched: total(upstream()),
      });
      expect((await faults()).burst429).toBe(0);

      await truu.resetFaults();
      await truu.faults({ errorRate: 0.25 });
      await truu.clearSeen();
      const flaky = await h.run();
      // The simulator fails every fourth request, so a run that needed four or more met a 500.
      expect((await truu.seen()).length).toBeGreaterThanOrEqual(4);
      expect(flaky).toMatchObject({
        status: "succeeded",
        created: 0,
        updated: 0,
        deleted: 0,
        fetched: total(upstream()),
      });
    } finally {
      await truu.resetFaults();
    }
    expect(await counts()).toEqual(upstream());
  }, 30_000);

  it("fails a run TruU refuses, with a clear error, and marks nothing deleted", async () => {
    const conn = { tenantId: h.tenantId, vendor: "truu" as const };
    const wrong = connectionRecord(
      h.tenantId,
      "truu",
      truu.url,
      { ...truu.sim.credentials, clientSecret: "not-the-secret" },
      {},
    );
    await h.t.db.vendorConnection.update({ where: { tenantId_vendor: conn }, data: wrong });
    const before = await counts();
    try {
      const run = await h.run();
      expect(run).toMatchObject({ status: "failed", deleted: 0, fetched: 0 });
      expect(run.error).toMatch(/invalid_client|401/);
      expect(await counts()).toEqual(before);
    } finally {
      const right = connectionRecord(h.tenantId, "truu", truu.url, { ...truu.sim.credentials }, {});
      await h.t.db.vendorConnection.update({ where: { tenantId_vendor: conn }, data: right });
    }
    expect((await h.run()).status).toBe("succeeded");
  });
});
