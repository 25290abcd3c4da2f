import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../../sim/jumpcloud";
import type { Org } from "../../../sim/jumpcloud/state";
import { type SyncHarness, syncHarness } from "../../../test/sync-harness";
import { connectionRecord } from "../../vendors/connection-record";
import { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { runSync } from "../run-sync";
import { jumpcloudSync } from "./sync";
import { cachedIds, DEVICE_SIDE, upstreamIds } from "./test-support";

// The demo's way in: the simulator's multi-tenant (MSP) key with the organisation's id.
const ORG_ID = JUMPCLOUD_SIM_ORG_IDS[0];

let sim: ReturnType<typeof createJumpCloudSim>;
let url: string;
let h: SyncHarness;
let client: JumpCloudClient;
let org: Org;

beforeAll(async () => {
  sim = createJumpCloudSim({ size: "small" });
  ({ url } = await sim.server.listen(0));
  org = sim.state.orgs.get(ORG_ID)!;
  h = await syncHarness("jumpcloud", jumpcloudSync, {
    baseUrl: url,
    secrets: { apiKey: sim.credentials.mspApiKey },
    settings: { orgId: ORG_ID },
  });
  client = new JumpCloudClient({
    baseUrl: url,
    credentials: { apiKey: sim.credentials.mspApiKey, orgId: ORG_ID },
    timeoutMs: 2_000,
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2_000 },
  });
  // Enough people for several user pages and a group whose members span two pages.
  const group = [...org.userGroups.values()][0]!.id;
  for (let i = 0; i < 180; i += 30) {
    await Promise.all(
      Array.from({ length: 30 }, async (_, k) => {
        const u = await client.createUser({ username: `hire${i + k}`, email: `Hire${i + k}@northwind.example` });
        await client.modifyGroupMembers("user", group, "add", u._id);
      }),
    );
  }
});

afterAll(async () => {
  await h?.close();
  await sim?.server.close();
});

const expected = () => upstreamIds(org);
const cached = () => cachedIds(h.pool, h.tenantId);

const total = (sets: Record<string, Set<string>>) => Object.values(sets).reduce((n, s) => n + s.size, 0);

async function deletedRows(): Promise<number> {
  const r = await h.pool.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM "JumpcloudUser" WHERE "tenantId" = $1 AND "deletedAt" IS NOT NULL)
          + (SELECT count(*) FROM "JumpcloudSystem" WHERE "tenantId" = $1 AND "deletedAt" IS NOT NULL)
          + (SELECT count(*) FROM "VendorObject" WHERE "tenantId" = $1 AND "deletedAt" IS NOT NULL)
          + (SELECT count(*) FROM "VendorEdge" WHERE "tenantId" = $1 AND "deletedAt" IS NOT NULL) AS n`,
    [h.tenantId],
  );
  return Number(r.rows[0]!.n);
}

const driftEvents = () =>
  h.t.db.auditEvent.findMany({
    where: { tenantId: h.tenantId, action: { endsWith: ".changed_externally" } },
    orderBy: { seq: "asc" },
  });
const auditCount = () => h.t.db.auditEvent.count();

const setFaults = (faults: Record<string, number>) =>
  fetch(`${url}/__sim/faults`, { method: "PUT", body: JSON.stringify(faults) }).then(
    (r) => r.json() as Promise<Record<string, number>>,
  );

const groupId = (groups: Map<string, { id: string; name: string }>, name: string) =>
  [...groups.values()].find((g) => g.name === name)!.id;

describe("JumpCloud sync against the simulator", () => {
  it("fills every table and kind with what the organisation holds", async () => {
    const want = expected();
    const run = await h.run();
    expect(run.error).toBeNull();
    expect(run.status).toBe("succeeded");
    expect(run).toMatchObject({ fetched: total(want), created: total(want), updated: 0, deleted: 0, driftEvents: 0 });
    // Every page the run read, against the totals its phases announced (the last reads one request per user and
    // user group): at the end the two meet.
    expect(run.phase).toBe("done");
    expect(run.pagesDone).toBeGreaterThan(org.users.size + org.userGroups.size);
    expect(run.pagesTotal).toBe(run.pagesDone);
    expect(org.users.size, "users span three pages").toBeGreaterThan(200);

    const have = await cached();
    for (const [kind, ids] of Object.entries(want)) {
      expect(ids.size, kind).toBeGreaterThan(0);
      expect(have[kind], kind).toEqual(ids);
    }

    // Every row holds the values the client reads.
    const users = await client.allUsers();
    const userRows = new Map(
      (await h.t.db.jumpcloudUser.findMany({ where: { tenantId: h.tenantId } })).map((r) => [r.vendorId, r]),
    );
    // The directory varies, so a mapped-wrong column would show.
    expect(new Set(users.map((u) => u.mfaEnrollment?.overallStatus)).size).toBeGreaterThan(1);
    for (const u of users) {
      expect(userRows.get(u._id), u._id).toMatchObject({
        username: u.username,
        email: u.email,
        emailNorm: u.email!.toLowerCase(),
        displayname: u.displayname,
        state: u.state,
        suspended: u.suspended,
        accountLocked: u.account_locked,
        mfaConfigured: u.mfa!.configured,
        totpEnabled: u.totp_enabled,
        mfaStatus: u.mfaEnrollment!.overallStatus,
        passwordExpired: u.password_expired,
        createdAtVendor: new Date(u.created!),
        deletedAt: null,
      });
    }
    const systemRows = new Map(
      (await h.t.db.jumpcloudSystem.findMany({ where: { tenantId: h.tenantId } })).map((r) => [r.vendorId, r]),
    );
    for (const s of await client.allSystems()) {
      expect(systemRows.get(s._id), s._id).toMatchObject({
        hostname: s.hostname,
        displayName: s.displayName,
        os: s.os,
        osVersion: s.version,
        serialNumber: s.serialNumber,
        active: s.active,
        lastContact: new Date(s.lastContact!),
        agentVersion: s.agentVersion,
        deletedAt: null,
      });
    }
    const itUsers = groupId(org.userGroups, "IT Users");
    const farm = groupId(org.systemGroups, "Remote Desktop Farm");
    expect(
      await h.t.db.vendorObject.findFirstOrThrow({
        where: { tenantId: h.tenantId, kind: "user_group", vendorId: itUsers },
      }),
    ).toMatchObject({ vendor: "jumpcloud", name: "IT Users" });
    expect(
      await h.t.db.vendorEdge.findFirstOrThrow({
        where: { tenantId: h.tenantId, kind: "association", vendorId: `user_group:${itUsers}|system_group:${farm}` },
      }),
    ).toMatchObject({
      fromId: `user_group:${itUsers}`,
      toId: `system_group:${farm}`,
      attributes: { sudo: { enabled: true, withoutPassword: false } },
    });
    const [member] = org.members.get(itUsers)!;
    expect(
      await h.t.db.vendorEdge.findFirstOrThrow({
        where: { tenantId: h.tenantId, kind: "user_group_member", vendorId: `${itUsers}|${member}` },
      }),
    ).toMatchObject({ fromId: itUsers, toId: member });

    // People are linked by normalised email.
    expect(await h.t.db.person.count({ where: { tenantId: h.tenantId } })).toBe(
      new Set(users.map((u) => u.email!.toLowerCase())).size,
    );
  });

  it("writes nothing and records no audit events when nothing changed upstream", async () => {
    const before = await auditCount();
    const run = await h.run();
    expect(run).toMatchObject({
      status: "succeeded",
      fetched: total(expected()),
      unchanged: total(expected()),
      created: 0,
      updated: 0,
      deleted: 0,
      driftEvents: 0,
    });
    expect(await auditCount()).toBe(before);
  });

  it("reports a change made at the vendor once, with before and after", async () => {
    const user = [...org.users.values()].find((u) => u.state === "ACTIVATED" && !u.account_locked)!;
    const itUsers = groupId(org.userGroups, "IT Users");
    const farm = groupId(org.systemGroups, "Remote Desktop Farm");
    await client.suspendUser(user._id);
    await client.modifyAssociation("usergroups", itUsers, {
      op: "update",
      type: "system_group",
      id: farm,
      attributes: { sudo: { enabled: false, withoutPassword: false } },
    });

    const seen = (await driftEvents()).length;
    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", updated: 2, created: 0, deleted: 0, driftEvents: 2 });
    const events = (await driftEvents()).slice(seen);
    expect(events.map((e) => e.action).sort()).toEqual([
      "jumpcloud.association.changed_externally",
      "jumpcloud.user.changed_externally",
    ]);
    expect(events.find((e) => e.action === "jumpcloud.user.changed_externally")).toMatchObject({
      vendor: "jumpcloud",
      actorId: null,
      outcome: "success",
      jobId: run.id,
      targets: [{ type: "jumpcloud_user", id: user._id, label: user.email }],
      before: { state: "ACTIVATED", suspended: false },
      after: { state: "SUSPENDED", suspended: true },
    });
    expect(events.find((e) => e.action === "jumpcloud.association.changed_externally")).toMatchObject({
      targets: [
        {
          type: "jumpcloud_association",
          id: `user_group:${itUsers}|system_group:${farm}`,
          label: "IT Users → Remote Desktop Farm",
        },
      ],
      before: { attributes: { sudo: { enabled: true, withoutPassword: false } } },
      after: { attributes: { sudo: { enabled: false, withoutPassword: false } } },
    });

    const again = await h.run();
    expect(again).toMatchObject({ status: "succeeded", updated: 0, driftEvents: 0 });
    expect((await driftEvents()).length).toBe(seen + 2);
  });

  it("marks a user deleted at the vendor, with its memberships and associations", async () => {
    const managers = new Set([...org.users.values()].map((u) => u.manager));
    const user = [...org.users.values()].find((u) => !managers.has(u._id) && (org.memberOf.get(u._id)?.size ?? 0) > 0)!;
    const memberships = org.memberOf.get(user._id)!.size;
    const bindings = [...(org.associations.get(`user:${user._id}`)?.keys() ?? [])].filter((k) =>
      DEVICE_SIDE.test(k),
    ).length;
    expect(bindings).toBeGreaterThan(0);
    await client.deleteUser(user._id);

    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", deleted: 1 + memberships + bindings, created: 0, driftEvents: 0 });
    expect(
      (await h.t.db.jumpcloudUser.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: user._id } })).deletedAt,
    ).not.toBeNull();
    const edges = await h.t.db.vendorEdge.findMany({
      where: { tenantId: h.tenantId, OR: [{ toId: user._id }, { fromId: `user:${user._id}` }] },
    });
    expect(edges).toHaveLength(memberships + bindings);
    expect(edges.every((e) => e.deletedAt !== null)).toBe(true);
    expect(await cached()).toEqual(expected());
  });

  it("survives a 429 burst and a 5xx error rate with the same result", async () => {
    const want = total(expected());
    try {
      await setFaults({ burst429: 6, retryAfterSeconds: 1 });
      const limited = await h.run();
      expect((await setFaults({})).burst429).toBe(0);
      expect(limited).toMatchObject({
        status: "succeeded",
        fetched: want,
        unchanged: want,
        created: 0,
        updated: 0,
        deleted: 0,
      });

      // Deterministic: every tenth request answers 500, a couple of dozen in one run.
      await setFaults({ errorRate: 0.1 });
      const flaky = await h.run({ concurrency: 8 });
      expect(flaky).toMatchObject({
        status: "succeeded",
        fetched: want,
        unchanged: want,
        created: 0,
        updated: 0,
        deleted: 0,
      });
    } finally {
      await setFaults({ burst429: 0, errorRate: 0 });
    }
    expect(await cached()).toEqual(expected());
  });

  it("fails clearly and marks nothing deleted when the vendor refuses or the run is stopped", async () => {
    const connect = (apiKey: string, orgId: string) =>
      h.t.db.vendorConnection.update({
        where: { tenantId_vendor: { tenantId: h.tenantId, vendor: "jumpcloud" } },
        data: connectionRecord(h.tenantId, "jumpcloud", url, { apiKey }, { orgId }),
      });
    const deleted = await deletedRows();
    try {
      await connect("jca_notTheRightKey00000000000000000000", ORG_ID);
      const refused = await h.run();
      expect(refused.status).toBe("failed");
      expect(refused.error).toMatch(/Unauthorized \(HTTP 401\)/);

      await connect(sim.credentials.mspApiKey, "64a1f0c2e4b0a1b2c3d4e5ff");
      const unknownOrg = await h.run();
      expect(unknownOrg.status).toBe("failed");
      expect(unknownOrg.error).toMatch(/Organization ID Not Found/);
    } finally {
      await connect(sim.credentials.mspApiKey, ORG_ID);
    }

    const stopped = await h.t.db.syncRun.create({
      data: { tenantId: h.tenantId, vendor: "jumpcloud", trigger: "test" },
    });
    await runSync({
      db: h.t.db,
      pool: h.pool,
      runId: stopped.id,
      syncs: { jumpcloud: jumpcloudSync } as never,
      signal: AbortSignal.abort(),
    }).catch(() => {});
    expect((await h.t.db.syncRun.findUniqueOrThrow({ where: { id: stopped.id } })).status).toBe("failed");

    expect(await deletedRows()).toBe(deleted);
    expect(await cached()).toEqual(expected());
  });
});
