import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncHarness, syncHarness } from "../../test/sync-harness";
import { truuSync } from "../sync/truu/sync";
import { startTruu, type TruuHarness } from "../vendors/truu/test-harness";
import { markDeletedInCache } from "./cache-updates";

let truu: TruuHarness;
let h: SyncHarness;

beforeAll(async () => {
  truu = await startTruu("small");
  h = await syncHarness("truu", truuSync, { baseUrl: truu.url, secrets: { ...truu.sim.credentials } });
  expect((await h.run()).status).toBe("succeeded");
});
afterAll(async () => {
  await h?.close();
  await truu?.close();
});

const drift = (runId: string) =>
  h.t.db.auditEvent.count({ where: { jobId: runId, action: { endsWith: ".changed_externally" } } });

describe("the cache after a console delete", () => {
  it("matches what the next sync reads: nothing more to delete, no change reported as made outside", async () => {
    const state = truu.sim.state;
    // A laptop enrolment (on a workstation asset) and a whole user with their devices.
    const device = state.devices.find(
      (d) => !d.deleted && d.asset && d.asset.devices.filter((x) => !x.deleted).length > 1,
    )!;
    const user = state.users.find((u) => !u.deleted && u !== device.user && u.devices.length > 1)!;
    const userDevices = user.devices.filter((d) => !d.deleted).map((d) => d.deviceId);
    const client = truu.client();
    await client.deleteUserDevice(device.user.guid, device.deviceId);
    await markDeletedInCache(h.t.db, h.tenantId, [device.deviceId]);
    await client.deleteDomainUser(user.guid);
    await markDeletedInCache(h.t.db, h.tenantId, userDevices, [user.guid]);

    // The workstation's enrolled accounts are what TruU's assets API now says (the sync tracks them as drift).
    const live = device.asset!.devices.filter((d) => !d.deleted).map((d) => d.user.upn);
    const asset = await h.t.db.truuAsset.findFirstOrThrow({
      where: { tenantId: h.tenantId, vendorId: device.asset!.machineName },
    });
    expect(asset.upns).toEqual([...new Set(live)].sort());
    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", created: 0, deleted: 0, driftEvents: 0 });
    expect(await drift(run.id)).toBe(0);
    expect(
      await h.t.db.truuDevice.count({
        where: { tenantId: h.tenantId, vendorId: { in: [device.deviceId, ...userDevices] }, deletedAt: null },
      }),
    ).toBe(0);
    expect(
      (await h.t.db.truuUser.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: user.guid } })).deletedAt,
    ).toBeInstanceOf(Date);
  });
});
