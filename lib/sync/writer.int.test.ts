import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import type { AuditEventInput } from "../audit/event";
import { createPgPool } from "../db/pg-pool";
import type { SyncTarget } from "./target";
import { TargetWriter } from "./writer";

interface Device {
  id: string;
  name: string;
  heard: string | null;
  tags: string[];
  trusted: boolean;
  level: number | null;
  extra?: string;
}

const target: SyncTarget<Device> = {
  vendor: "truu",
  resource: "device",
  table: "TruuDevice",
  vendorId: (d) => d.id,
  label: (d) => d.name,
  columns: [
    { name: "deviceName", type: "text", value: (d) => d.name },
    { name: "lastHeardFrom", type: "timestamptz", value: (d) => d.heard },
    { name: "active", type: "bool", value: (d) => d.trusted },
    { name: "assuranceLevel", type: "int", value: (d) => d.level },
  ],
  tracked: ["deviceName", "active", "assuranceLevel"],
};
const edges: SyncTarget<{ from: string; to: string; tags: string[] }> = {
  vendor: "twingate",
  resource: "group_member",
  table: "VendorEdge",
  kind: "group_member",
  vendorId: (e) => `${e.from}|${e.to}`,
  columns: [
    { name: "fromId", type: "text", value: (e) => e.from },
    { name: "toId", type: "text", value: (e) => e.to },
    { name: "attributes", type: "jsonb", value: (e) => ({ tags: e.tags }) },
  ],
};

let t: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 3);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

const devices = (n: number, patch: (d: Device) => Device = (d) => d): Device[] =>
  Array.from({ length: n }, (_, i) =>
    patch({
      id: `d${i}`,
      name: `Device ${i}`,
      heard: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      tags: ["a", "b c"],
      trusted: i % 2 === 0,
      level: 300,
    }),
  );

async function sync<T>(tgt: SyncTarget<T>, items: T[], tenantId = "tenant-1", batchSize = 70) {
  const drift: AuditEventInput[] = [];
  const w = new TargetWriter(
    pool,
    tenantId,
    `run-${Math.random()}`,
    tgt,
    async (e) => {
      drift.push(...e);
    },
    { batchSize },
  );
  for (let i = 0; i < items.length; i += 25) await w.write(items.slice(i, i + 25));
  return { stats: await w.finish(), drift };
}

describe("TargetWriter", () => {
  it("inserts on the first run, then writes nothing for an unchanged second run", async () => {
    const first = await sync(target, devices(200));
    expect(first.stats).toMatchObject({ fetched: 200, created: 200, updated: 0, unchanged: 0, deleted: 0, drift: 0 });
    const stored = await t.db.truuDevice.findFirstOrThrow({ where: { vendorId: "d5" } });
    expect(stored).toMatchObject({
      deviceName: "Device 5",
      active: false,
      assuranceLevel: 300,
      tenantId: "tenant-1",
      deletedAt: null,
    });
    expect(stored.lastHeardFrom?.toISOString()).toBe("2026-11-01T00:00:05.000Z");

    const syncedAt = stored.syncedAt;
    const second = await sync(target, devices(200));
    expect(second.stats).toMatchObject({ fetched: 200, created: 0, updated: 0, unchanged: 200, deleted: 0, drift: 0 });
    expect((await t.db.truuDevice.findFirstOrThrow({ where: { vendorId: "d5" } })).syncedAt).toEqual(syncedAt);
  });

  it(
    "reports a tracked change once as drift, with before and " + "after, and an untracked change without drift",
    async () => {
      const changed = devices(200, (d) =>
        d.id === "d7"
          ? { ...d, name: "Renamed", level: 500 }
          : d.id === "d8"
            ? { ...d, heard: "2026-11-20T10:00:00.000Z" }
            : d,
      );
      const run = await sync(target, changed);
      expect(run.stats).toMatchObject({ updated: 2, unchanged: 198, drift: 1 });
      expect(run.drift).toEqual([
        expect.objectContaining({
          action: "truu.device.changed_externally",
          tenantId: "tenant-1",
          vendor: "truu",
          actor: null,
          targets: [{ type: "truu_device", id: "d7", label: "Renamed" }],
          before: { deviceName: "Device 7", assuranceLevel: 300 },
          after: { deviceName: "Renamed", assuranceLevel: 500 },
        }),
      ]);
      const again = await sync(target, changed);
      expect(again.stats).toMatchObject({ updated: 0, drift: 0 });
    },
  );

  it("marks rows the vendor no longer lists as deleted, and restores one that comes back", async () => {
    const fewer = devices(200).filter((d) => d.id !== "d3" && d.id !== "d150");
    expect((await sync(target, fewer)).stats).toMatchObject({ deleted: 2, unchanged: 196 });
    expect((await t.db.truuDevice.findFirstOrThrow({ where: { vendorId: "d3" } })).deletedAt).not.toBeNull();
    expect((await sync(target, fewer)).stats.deleted).toBe(0);
    const back = await sync(target, devices(200));
    expect(back.stats).toMatchObject({ created: 2, deleted: 0 });
    expect((await t.db.truuDevice.findFirstOrThrow({ where: { vendorId: "d3" } })).deletedAt).toBeNull();
  });

  it(
    "leaves unseen rows as they are when told that the read cannot vouch " +
      "for their deletion, and still writes what it read",
    async () => {
      const heard: number[] = [];
      const w = new TargetWriter(pool, "tenant-5", "run-first", target, async () => {}, {});
      await w.write(devices(10));
      await w.finish();
      // A later read saw d0-d6 (d2 renamed) but not d7-d9; the batch
      // is larger than what it wrote, so only finish() writes it.
      const later = new TargetWriter(pool, "tenant-5", "run-later", target, async () => {}, {
        batchSize: 100,
        onFinished: (stats) => heard.push(stats.updated),
      });
      await later.write(devices(7, (d) => (d.id === "d2" ? { ...d, name: "Renamed" } : d)));
      const stats = await later.finish({ deferDeletions: "the list changed while it was read" });
      expect(stats).toMatchObject({ fetched: 7, updated: 1, unchanged: 6, deleted: 0 });
      expect(later.deletionsDeferred).toBe("the list changed while it was read");
      expect(heard).toEqual([1]);
      const rows = await t.db.truuDevice.findMany({ where: { tenantId: "tenant-5" }, orderBy: { vendorId: "asc" } });
      expect(rows.map((r) => [r.vendorId, r.deletedAt])).toEqual(devices(10).map((d) => [d.id, null]));
      expect(rows.find((r) => r.vendorId === "d2")?.deviceName).toBe("Renamed");
      expect(w.deletionsDeferred).toBeNull();
    },
  );

  it(
    "leaves only the unseen rows whose column holds one of the values it " +
      "is told of, and marks the other unseen rows deleted",
    async () => {
      const all = ["p1", "p2", "p3"].flatMap((from) => ["m1", "m2", "m3"].map((to) => ({ from, to, tags: [] })));
      await sync(edges, all, "tenant-6");
      // The later read saw none of the third members; p2's read was disturbed, p1's and p3's were not.
      const later = new TargetWriter(pool, "tenant-6", "run-later", edges, async () => {}, {});
      await later.write(all.filter((e) => e.to !== "m3"));
      const stats = await later.finish({
        deferDeletions: "p2's members changed while they were read",
        deferOnly: { column: "fromId", values: ["p2"] },
      });
      expect(stats).toMatchObject({ fetched: 6, deleted: 2 });
      expect(later.deletionsDeferred).toBe("p2's members changed while they were read");
      const rows = await t.db.vendorEdge.findMany({
        where: { tenantId: "tenant-6", deletedAt: { not: null } },
        orderBy: { vendorId: "asc" },
      });
      expect(rows.map((r) => r.vendorId)).toEqual(["p1|m3", "p3|m3"]);
      await expect(
        new TargetWriter(pool, "tenant-6", "run-wrong", edges, async () => {}, {}).finish({
          deferDeletions: "why",
          deferOnly: { column: "nope", values: [] },
        }),
      ).rejects.toThrow("group_member has no column nope");
    },
  );

  it("keeps tenants apart", async () => {
    const other = await sync(target, devices(3), "tenant-2");
    expect(other.stats).toMatchObject({ created: 3, deleted: 0 });
    expect(await t.db.truuDevice.count({ where: { tenantId: "tenant-1", deletedAt: null } })).toBe(200);
  });

  it("writes generic edges with JSON attributes, scoped by vendor and kind", async () => {
    const e = [
      { from: "g1", to: "u1", tags: ["x"] },
      { from: "g1", to: "u2", tags: [] },
    ];
    expect((await sync(edges, e)).stats).toMatchObject({ created: 2 });
    expect((await sync(edges, e)).stats).toMatchObject({ unchanged: 2 });
    const row = await t.db.vendorEdge.findFirstOrThrow({ where: { vendorId: "g1|u1" } });
    expect(row).toMatchObject({
      vendor: "twingate",
      kind: "group_member",
      fromId: "g1",
      toId: "u1",
      attributes: { tags: ["x"] },
    });
    expect((await sync(edges, [e[0]!])).stats).toMatchObject({ deleted: 1 });
    expect(await t.db.truuDevice.count({ where: { deletedAt: null, tenantId: "tenant-1" } })).toBe(200);
  });

  it("counts an id listed twice in one run once", async () => {
    const dup = [...devices(5), ...devices(5)];
    const run = await sync(target, dup, "tenant-3");
    expect(run.stats).toMatchObject({ fetched: 5, created: 5 });
  });

  it("finishes once: a second finish() is the first one's result, and onFinished hears of it once", async () => {
    const heard: number[] = [];
    const w = new TargetWriter(pool, "tenant-4", "run-finish", target, async () => {}, {
      onFinished: (stats) => heard.push(stats.created),
    });
    await w.write(devices(3));
    const first = await w.finish();
    await t.db.truuDevice.create({ data: { tenantId: "tenant-4", vendorId: "not-listed", raw: {}, hash: "" } });
    // Asked again later, nothing is marked deleted a second time: the row written since stays live.
    expect(await w.finish()).toBe(first);
    expect(first).toMatchObject({ created: 3, deleted: 0 });
    expect(heard).toEqual([3]);
    expect(
      (await t.db.truuDevice.findFirstOrThrow({ where: { tenantId: "tenant-4", vendorId: "not-listed" } })).deletedAt,
    ).toBeNull();
  });
});
