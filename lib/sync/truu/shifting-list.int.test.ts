import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interceptingProxy } from "../../../test/intercepting-proxy";
import { type SyncHarness, syncHarness } from "../../../test/sync-harness";
import { startTruu, type TruuHarness } from "../../vendors/truu/test-harness";
import { truuSync } from "./sync";

// TruU pages by number: records deleted before a walk's position while it
// reads shift the later ones back across page boundaries, so records that
// still exist go unread. The run must not take them for deleted.

let truu: TruuHarness;
let proxy: Awaited<ReturnType<typeof interceptingProxy>>;
let h: SyncHarness;
/** Called once, as the sync asks for this page of the device list. */
let onDevicePage: { page: string; act: () => void } | null = null;

beforeAll(async () => {
  // 600 devices on 24 pages of 25.
  truu = await startTruu("demo");
  proxy = await interceptingProxy(truu.url, (method, url) => {
    if (
      method !== "GET" ||
      url.pathname !== "/api/v1/system/devices/" ||
      url.searchParams.get("page") !== onDevicePage?.page
    )
      return;
    const { act } = onDevicePage;
    onDevicePage = null;
    act();
  });
  h = await syncHarness("truu", truuSync, { baseUrl: proxy.url, secrets: { ...truu.sim.credentials } });
});
afterAll(async () => {
  await h?.close();
  await proxy?.close();
  await truu?.close();
});

const deviceRows = () =>
  h.t.db.truuDevice.findMany({ where: { tenantId: h.tenantId }, select: { vendorId: true, deletedAt: true } });
const liveIds = async () => new Set((await deviceRows()).filter((r) => r.deletedAt === null).map((r) => r.vendorId));
const upstreamIds = () => new Set(truu.sim.state.devices.map((d) => d.deviceId));

describe("a TruU sync whose device list changes under its walk", () => {
  it(
    "marks no device that still exists deleted, and leaves the " + "deletions it cannot tell for the next run",
    async () => {
      expect((await h.run()).status).toBe("succeeded");
      expect(await liveIds()).toEqual(upstreamIds());

      // Pages 1 and 2 have been read when page 3 is asked for; deleting three
      // devices of page 1 then moves what was at the top of page 3 onto page 2.
      const gone = truu.sim.state.devices.slice(0, 3);
      const skipped = truu.sim.state.devices.slice(50, 53).map((d) => d.deviceId);
      onDevicePage = {
        page: "3",
        act: () => {
          for (const d of gone) truu.sim.state.deleteDevice(d);
        },
      };
      // One request at a time, so that page 3 is read only after the deletions.
      const disturbed = await h.run({ concurrency: 1 });
      expect(onDevicePage).toBeNull();
      expect(disturbed.status).toBe("succeeded");
      const live = await liveIds();
      expect(skipped.filter((id) => !live.has(id))).toEqual([]);
      expect([...upstreamIds()].filter((id) => !live.has(id))).toEqual([]);
      expect(disturbed.deleted).toBe(0);
      expect(disturbed.detail).toMatchObject({
        device: {
          deleted: 0,
          deletionsDeferred:
            "the list changed while it was read (page 3 counted 597 records where " +
            "page 1 counted 600); rows it did not list are left for the next run",
        },
      });
      // The other lists did not change: their reads may still tell what is gone.
      expect(disturbed.detail).not.toHaveProperty("user.deletionsDeferred");
      expect(disturbed.detail).not.toHaveProperty("asset.deletionsDeferred");

      // The next run reads an unchanging list and marks the three devices deleted.
      const next = await h.run({ concurrency: 1 });
      expect(next).toMatchObject({ status: "succeeded", deleted: 3 });
      expect(next.detail).not.toHaveProperty("device.deletionsDeferred");
      expect(await liveIds()).toEqual(upstreamIds());
      const rows = new Map((await deviceRows()).map((r) => [r.vendorId, r.deletedAt]));
      expect(gone.map((d) => rows.get(d.deviceId))).toEqual(gone.map(() => expect.any(Date)));
    },
  );
});
