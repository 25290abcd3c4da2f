import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createPgPool } from "../db/pg-pool";
import type { SyncTarget } from "../sync/target";
import type { AccessGrant } from "../sync/twingate/documents";
import { deviceTarget, groupTarget, resourceAccessTarget, userTarget } from "../sync/twingate/targets";
import { TargetWriter } from "../sync/writer";
import type { Device, Group, User } from "../vendors/twingate/schemas";
import { cacheDelete, cacheWrite } from "./cache";

let t: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

/** What the next sync would make of one item the console has already written. */
async function syncOnce<T>(tenantId: string, target: SyncTarget<T>, item: T) {
  const drift: unknown[] = [];
  const w = new TargetWriter(pool, tenantId, `run-${Math.random()}`, target, async (e) => {
    drift.push(...e);
  });
  await w.write([item]);
  return { stats: await w.finish(), drift };
}

const user: User = {
  id: "VXNlcjox",
  firstName: "Ada",
  lastName: "Lovelace",
  email: "Ada@Example.com",
  state: "DISABLED",
  role: "MEMBER",
  type: "MANUAL",
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2026-11-23T10:00:00.000Z",
  avatarUrl: null,
};
const device: Device = {
  id: "RGV2aWNlOjE=",
  name: "ADA-MBP",
  isTrusted: true,
  activeState: "BLOCKED",
  deviceType: "LAPTOP",
  osName: "MAC_OS",
  osVersion: "14.2",
  hardwareModel: null,
  hostname: "ada-mbp",
  username: "ada",
  serialNumber: "ABC",
  clientVersion: "2024.1",
  manufacturerName: "Apple Inc.",
  internetSecurityConfiguration: "DISABLED",
  lastSuccessfulLoginAt: "2026-11-01T08:00:00.000Z",
  lastFailedLoginAt: null,
  lastConnectedAt: null,
  user: { id: "VXNlcjox", email: "ada@example.com" },
};
const group: Group = {
  id: "R3JvdXA6MQ==",
  name: "Contractors",
  type: "MANUAL",
  isActive: true,
  originId: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2026-11-23T10:00:00.000Z",
  securityPolicy: { id: "U2VjdXJpdHlQb2xpY3k6MQ==", name: "Default Policy" },
};
const grant: AccessGrant = {
  resourceId: "UmVzb3VyY2U6MQ==",
  principal: { __typename: "Group", id: group.id, name: group.name },
  securityPolicy: null,
  expiresAt: "2030-01-01T00:00:00.000Z",
  usageBasedAutolockDurationDays: null,
};

describe("cacheWrite", () => {
  it("writes rows the sync then finds unchanged: no update, no drift", async () => {
    await cacheWrite(t.db, "tenant-a", userTarget, user);
    await cacheWrite(t.db, "tenant-a", deviceTarget, device);
    await cacheWrite(t.db, "tenant-a", groupTarget, group);
    await cacheWrite(t.db, "tenant-a", resourceAccessTarget, grant);
    expect(await t.db.twingateUser.findFirstOrThrow({ where: { tenantId: "tenant-a" } })).toMatchObject({
      emailNorm: "ada@example.com",
      state: "DISABLED",
      deletedAt: null,
    });
    expect(await t.db.vendorObject.findFirstOrThrow({ where: { tenantId: "tenant-a", kind: "group" } })).toMatchObject({
      name: "Contractors",
      attributes: { type: group.type, isActive: true, securityPolicyId: group.securityPolicy.id },
    });

    for (const [target, item] of [
      [userTarget, user],
      [deviceTarget, device],
      [groupTarget, group],
      [resourceAccessTarget, grant],
    ] as const) {
      const { stats, drift } = await syncOnce("tenant-a", target as SyncTarget<unknown>, item);
      expect(stats, target.resource).toMatchObject({ unchanged: 1, updated: 0, created: 0, drift: 0 });
      expect(drift).toHaveLength(0);
    }
  });

  it("brings a deleted row back, and cacheDelete marks rows as the sync does", async () => {
    await cacheWrite(t.db, "tenant-b", userTarget, user);
    await cacheDelete(t.db, "tenant-b", userTarget as never, [user.id]);
    expect((await t.db.twingateUser.findFirstOrThrow({ where: { tenantId: "tenant-b" } })).deletedAt).not.toBeNull();
    await cacheWrite(t.db, "tenant-b", userTarget, { ...user, state: "ACTIVE" });
    expect(await t.db.twingateUser.findFirstOrThrow({ where: { tenantId: "tenant-b" } })).toMatchObject({
      state: "ACTIVE",
      deletedAt: null,
    });
  });
});
