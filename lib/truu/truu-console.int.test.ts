import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTruuCache } from "../../bench/truu-seed";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTenant } from "../../test/factories";
import { createPgPool } from "../db/pg-pool";
import { streamCsv } from "../table/csv-stream";
import { markDeletedInCache } from "./cache-updates";
import { truuCharts } from "./charts";
import { readDeviceTable } from "./device-filters";
import { DEVICE_CSV_HEADER, deviceExportSql } from "./export-devices";
import { listAssets, readAssetTable } from "./list-assets";
import { type DeviceRow, listDevices } from "./list-devices";
import { getUser, listUsers, readUserTable } from "./list-users";

let t: TestDatabase;
let pool: pg.Pool;
let tenantId: string;
let otherId: string;
const NOW = new Date("2026-11-01T12:00:00.000Z");
const N = 3000;

const devices = (search: Record<string, string>) => {
  const { state, filter } = readDeviceTable(search);
  return listDevices(pool, tenantId, state, filter);
};
const live = (where: object = {}) => t.db.truuDevice.count({ where: { tenantId, deletedAt: null, ...where } });

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
  tenantId = (await makeTenant(t.db)).id;
  otherId = (await makeTenant(t.db)).id;
  await seedTruuCache(pool, tenantId, N, NOW);
  await seedTruuCache(pool, otherId, 40, NOW);
});
afterAll(async () => {
  await pool?.end();
  await t?.drop();
});

describe("the devices table query", () => {
  it("pages a tenant's live devices newest check-in first, never-heard last, and counts them all", async () => {
    const page = await devices({});
    expect(page.total).toBe(N);
    expect(page.rows).toHaveLength(50);
    const times = page.rows.map((r) => r.lastHeardFrom!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const last = await devices({ page: String(N / 50) });
    expect(last.rows.at(-1)!.lastHeardFrom).toBeNull();
    const asc = await devices({ sort: "lastHeard", dir: "asc" });
    expect(asc.rows[0]!.lastHeardFrom).toBeNull();
  });

  it("filters by type, assurance, active and staleness, each counted as Postgres counts them", async () => {
    expect((await devices({ type: "ANDROID" })).total).toBe(await live({ type: "ANDROID" }));
    expect((await devices({ assurance: "500" })).total).toBe(await live({ assuranceLevel: 500 }));
    expect((await devices({ active: "no" })).total).toBe(await live({ active: false }));
    const cutoff = new Date(Date.now() - 90 * 86_400_000);
    const stale = await devices({ stale: "90" });
    expect(stale.total).toBe(await live({ OR: [{ lastHeardFrom: { lt: cutoff } }, { lastHeardFrom: null }] }));
    expect(stale.rows.every((r) => !r.lastHeardFrom || r.lastHeardFrom < cutoff)).toBe(true);
    const both = await devices({ type: "MAC_TPM", assurance: "300", sort: "name", dir: "asc" });
    expect(both.total).toBe(await live({ type: "MAC_TPM", assuranceLevel: 300 }));
    expect(both.rows.every((r) => r.type === "MAC_TPM" && r.assuranceLevel === 300)).toBe(true);
    const byPrisma = await t.db.truuDevice.findMany({
      where: { tenantId, deletedAt: null, type: "MAC_TPM", assuranceLevel: 300 },
      orderBy: [{ deviceName: "asc" }, { id: "asc" }],
      take: 50,
      select: { vendorId: true },
    });
    expect(both.rows.map((r) => r.vendorId)).toEqual(byPrisma.map((r) => r.vendorId));
  });

  it(
    "searches device name, user UPN and user name, case-insensitively, " + "with LIKE wildcards taken literally",
    async () => {
      const byName = await devices({ q: "müller" });
      expect(byName.total).toBeGreaterThan(0);
      expect(byName.rows.every((r) => `${r.deviceName} ${r.userDisplayName}`.toLowerCase().includes("müller"))).toBe(
        true,
      );
      const one = (await devices({})).rows[0];
      const byUpn = await devices({ q: one!.userUpn!.toUpperCase() });
      expect(byUpn.rows.map((r) => r.userUpn)).toContain(one!.userUpn);
      expect((await devices({ q: "%" })).total).toBe(0);
    },
  );

  it("counts exactly up to the limit, and says when a larger total is Postgres's estimate", async () => {
    const { countDevices, deviceWhere } = await import("./list-devices");
    const where = deviceWhere(tenantId, "", { type: "ANDROID" });
    const exact = await live({ type: "ANDROID" });
    expect(await countDevices(pool, where)).toEqual({ total: exact, estimated: false });
    const rough = await countDevices(pool, where, 100);
    expect(rough.estimated).toBe(true);
    expect(rough.total).toBeGreaterThan(exact * 0.7);
    expect(rough.total).toBeLessThan(exact * 1.3);
  });

  it("reads the cache's UTC times as the same instants Prisma does, whatever the process's time zone", async () => {
    const { rows } = await devices({ sort: "created", dir: "desc" });
    const stored = await t.db.truuDevice.findMany({
      where: { tenantId, vendorId: { in: rows.map((r) => r.vendorId) } },
    });
    const byId = new Map(stored.map((d) => [d.vendorId, d]));
    for (const r of rows) {
      expect(r.createdAtVendor?.getTime()).toBe(byId.get(r.vendorId)!.createdAtVendor?.getTime());
      expect(r.lastHeardFrom?.getTime() ?? null).toBe(byId.get(r.vendorId)!.lastHeardFrom?.getTime() ?? null);
    }
  });

  it("never shows another tenant's devices or deleted ones", async () => {
    const victim = (await devices({})).rows[0];
    await markDeletedInCache(t.db, tenantId, [victim!.vendorId]);
    const after = await devices({});
    expect(after.total).toBe(N - 1);
    expect(after.rows.map((r: DeviceRow) => r.vendorId)).not.toContain(victim!.vendorId);
    const other = await t.db.truuDevice.findFirstOrThrow({ where: { tenantId: otherId } });
    expect((await devices({ q: other.userUpn! })).rows.map((r) => r.vendorId)).not.toContain(other.vendorId);
  });

  it("uses an index for every sort, not a sort of the whole table", async () => {
    await pool.query(`VACUUM ANALYZE "TruuDevice"`);
    for (const sort of ["name", "type", "user", "lastHeard", "assurance", "created"]) {
      const { state, filter } = readDeviceTable({ sort, dir: "desc" });
      const { deviceWhere, deviceOrder, DEVICE_COLUMNS } = await import("./list-devices");
      const { Prisma } = await import("../generated/prisma/client");
      const sql = Prisma.sql`EXPLAIN SELECT ${DEVICE_COLUMNS} FROM "TruuDevice"
        WHERE ${deviceWhere(tenantId, state.q, filter)} ORDER BY ${deviceOrder(state)} LIMIT 50`;
      const plan = (await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(sql.text, ...sql.values))
        .map((r) => r["QUERY PLAN"])
        .join("\n");
      expect(plan, sort).toMatch(/Index Scan/);
      expect(plan, sort).not.toMatch(/Sort Key/);
    }
  });
});

describe("the CSV export", () => {
  it("streams every matching row in the table's order, in batches, with formula-like cells neutralised", async () => {
    const android = await t.db.truuDevice.findFirstOrThrow({
      where: { tenantId, type: "ANDROID", active: true, deletedAt: null },
    });
    await t.db.truuDevice.update({ where: { id: android.id }, data: { deviceName: "=cmd|' /C calc'!A0" } });
    const { state, filter } = readDeviceTable({ active: "yes", sort: "name", dir: "asc" });
    const body = await new Response(
      streamCsv(DEVICE_CSV_HEADER, deviceExportSql(tenantId, state, filter), pool),
    ).text();
    const lines = body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(DEVICE_CSV_HEADER.join(","));
    expect(lines.length - 1).toBe(await live({ active: true }));
    expect(lines.length - 1).toBeGreaterThan(1000); // more than one cursor batch
    expect(body).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(body).not.toMatch(/(^|,)=cmd/m);
    const row = lines.find((l) => l.startsWith(android.vendorId))!;
    expect(row.split(",")[2]).toBe("ANDROID");
    expect(row).toMatch(
      /,(Basic|Trusted|Certified),(100|300|500),(true|false),\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
  });
});

describe("users and assets", () => {
  it("lists users with live device counts and their best assurance, and a user with their devices", async () => {
    const { state, filter } = readUserTable({ sort: "upn" });
    const page = await listUsers(t.db, tenantId, state, filter);
    expect(page.total).toBe(N / 2);
    const u = page.rows.find((r) => r.devices > 0)!;
    expect(u.devices).toBe(await live({ userGuid: u.vendorId }));
    const detail = await getUser(t.db, tenantId, u.vendorId);
    expect(detail!.devices.filter((d) => !d.deletedAt)).toHaveLength(u.devices);
    expect(await getUser(t.db, otherId, u.vendorId)).toBeNull();
    const none = readUserTable({ devices: "no" });
    const empty = await listUsers(t.db, tenantId, none.state, none.filter);
    expect(empty.rows.every((r) => r.devices === 0)).toBe(true);
  });

  it(
    "finds a workstation by exact IP or MAC in any spelling, " + "and drops a deleted device's account from it",
    async () => {
      const dev = await t.db.truuDevice.findFirstOrThrow({ where: { tenantId, deletedAt: null } });
      await t.db.truuAsset.create({
        data: {
          tenantId,
          vendorId: "WS-0001",
          machineName: "WS-0001",
          type: "WINDOWS_AGENT",
          ips: ["10.0.0.7", "192.168.1.20"],
          macs: ["02:00:0a:0b:0c:0d"],
          upns: [dev.userUpn!, "other@globex.example"],
          hash: "h",
          raw: {
            machineName: "WS-0001",
            displayName: "WS-0001",
            type: "WINDOWS_AGENT",
            hardware: { manufacturer: "Dell", model: "Latitude" },
            network: { ipAddresses: [], macAddresses: [] },
            devices: [
              { deviceId: dev.vendorId, user: { userPrincipal: dev.userUpn } },
              { deviceId: "x", user: { userPrincipal: "other@globex.example" } },
            ],
          },
        },
      });
      const find = async (q: string) => {
        const r = readAssetTable({ q });
        return listAssets(t.db, tenantId, r.state, r.type);
      };
      expect((await find("10.0.0.7")).rows.map((r) => r.machineName)).toEqual(["WS-0001"]);
      expect((await find("10.0.0.70")).total).toBe(0);
      expect((await find("02-00-0A-0B-0C-0D")).rows[0]!.hardware).toMatchObject({ manufacturer: "Dell" });
      expect((await find("192.168")).total).toBe(1);
      await markDeletedInCache(t.db, tenantId, [dev.vendorId]);
      const asset = await t.db.truuAsset.findFirstOrThrow({ where: { tenantId, vendorId: "WS-0001" } });
      expect(asset.upns).toEqual(["other@globex.example"]);
      expect(asset.hash).toBe("h");
    },
  );
});

describe("the overview charts", () => {
  it("counts by type, assurance and last heard, and the stale count at each sync", async () => {
    for (const at of ["2026-10-01T00:00:00Z", "2026-10-20T00:00:00Z"]) {
      await t.db.syncRun.create({
        data: { tenantId, vendor: "truu", trigger: "schedule", status: "succeeded", finishedAt: new Date(at) },
      });
    }
    const c = await truuCharts(t.db, tenantId);
    const total = await live();
    expect(c.total).toBe(total);
    expect(c.byType.reduce((a, b) => a + b.value, 0)).toBe(total);
    expect(c.byAssurance.reduce((a, b) => a + b.value, 0)).toBe(total);
    expect(c.lastHeard.reduce((a, b) => a + b.value, 0)).toBe(total);
    expect(c.lastHeard.at(-1)!.value).toBe(await live({ lastHeardFrom: null }));
    expect(c.staleBySync.map((s) => s.at)).toEqual(["2026-10-01T00:00:00.000Z", "2026-10-20T00:00:00.000Z"]);
    const at = new Date("2026-10-20T00:00:00Z");
    const expected = await t.db.truuDevice.count({
      where: {
        tenantId,
        AND: [
          { OR: [{ createdAtVendor: null }, { createdAtVendor: { lte: at } }] },
          { OR: [{ deletedAt: null }, { deletedAt: { gt: at } }] },
          { OR: [{ lastHeardFrom: null }, { lastHeardFrom: { lt: new Date(at.getTime() - 30 * 86_400_000) } }] },
        ],
      },
    });
    expect(c.staleBySync[1]!.stale).toBe(expected);
    expect(c.staleBySync[1]!.stale).toBeGreaterThan(0);
  });
});
