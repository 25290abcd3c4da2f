import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTenant } from "../../test/factories";
import { createPgPool } from "../db/pg-pool";
import * as T from "../sync/jumpcloud/targets";
import type { SyncTarget } from "../sync/target";
import { TargetWriter } from "../sync/writer";
import * as S from "../vendors/jumpcloud/schemas";
import { associationEdge, cacheEdge, cacheEdgeDeleted, cacheGroup, cacheUser, memberEdge } from "./cache";

// A row the console writes after a change must be the row the next sync
// would write for the same vendor answer: same columns, same hash, so the
// sync counts it unchanged and reports no drift.

let t: TestDatabase;
let pool: pg.Pool;
let tenantId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
  tenantId = (await makeTenant(t.db)).id;
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

/** What the sync does with one vendor answer for a row the console wrote first. */
async function resync<T>(target: SyncTarget<T>, items: T[]) {
  const drift: unknown[] = [];
  const w = new TargetWriter(pool, tenantId, `run-${Math.random()}`, target, async (e) => {
    drift.push(...e);
  });
  await w.write(items);
  return { stats: await w.finish(), drift };
}

// The answers below are in the simulator's (and JumpCloud's) key order, parsed as the client parses them.
const user = S.SystemUser.parse({
  _id: "5f0c1a2b0000000000000001",
  username: "ada",
  email: "Ada@Example.com",
  firstname: "Ada",
  lastname: "Lovelace",
  displayname: "Ada Lovelace",
  state: "ACTIVATED",
  activated: true,
  suspended: false,
  account_locked: false,
  account_locked_date: null,
  password_expired: false,
  totp_enabled: true,
  mfa: { configured: true, exclusion: false },
  mfaEnrollment: { overallStatus: "ENROLLED", totpStatus: "ENROLLED" },
  created: "2026-01-02T03:04:05.000Z",
  id: "5f0c1a2b0000000000000001",
  organization: "64a1f0c2e4b0a1b2c3d4e501",
});

describe("the console's cache rows match the sync's", () => {
  it("for a user", async () => {
    await cacheUser(t.db, tenantId, user);
    const row = await t.db.jumpcloudUser.findFirstOrThrow({ where: { tenantId, vendorId: user._id } });
    expect(row).toMatchObject({
      emailNorm: "ada@example.com",
      state: "ACTIVATED",
      accountLocked: false,
      mfaStatus: "ENROLLED",
    });
    const { stats, drift } = await resync(T.userTarget, [user]);
    expect(stats).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    expect(drift).toEqual([]);
  });

  it("for a group", async () => {
    const group = S.Group.parse({
      id: "5f0c1a2b00000000000000a1",
      name: "Finance",
      type: "user_group",
      description: "",
      email: "",
      attributes: null,
      membershipMethod: "STATIC",
      memberQuery: null,
    });
    await cacheGroup(t.db, tenantId, "user_group", group);
    expect((await resync(T.userGroupTarget, [group])).stats).toMatchObject({ unchanged: 1 });
  });

  it("for a membership, and a removal marks the row deleted", async () => {
    const edge = memberEdge("5f0c1a2b00000000000000a1", "user", user._id, "Finance → ada");
    await cacheEdge(t.db, tenantId, "user_group_member", edge);
    // GET /usergroups/{id}/members answers {to, attributes}, as the sync reads it.
    const listed = S.GraphConnection.parse({ to: { id: user._id, type: "user", attributes: null }, attributes: null });
    const synced: T.JcEdge = {
      fromId: "5f0c1a2b00000000000000a1",
      toId: user._id,
      attributes: null,
      connection: listed,
      label: "x",
    };
    expect((await resync(T.userGroupMemberTarget, [synced])).stats).toMatchObject({ unchanged: 1 });

    await cacheEdgeDeleted(t.db, tenantId, "user_group_member", edge.fromId, edge.toId);
    expect(
      (await t.db.vendorEdge.findFirstOrThrow({ where: { tenantId, kind: "user_group_member" } })).deletedAt,
    ).not.toBeNull();
  });

  it("for an association", async () => {
    const edge = associationEdge(
      { type: "user", id: user._id },
      { type: "system", id: "5f0c1a2b00000000000000b1" },
      null,
      "ada → PC",
    );
    await cacheEdge(t.db, tenantId, "association", edge);
    const listed = S.GraphConnection.parse({
      from: { id: user._id, type: "user", attributes: null },
      to: { id: "5f0c1a2b00000000000000b1", type: "system", attributes: null },
      attributes: null,
    });
    const synced: T.JcEdge = {
      fromId: `user:${user._id}`,
      toId: "system:5f0c1a2b00000000000000b1",
      attributes: null,
      connection: listed,
      label: "x",
    };
    const { stats, drift } = await resync(T.associationTarget, [synced]);
    expect(stats).toMatchObject({ unchanged: 1 });
    expect(drift).toEqual([]);
  });
});
