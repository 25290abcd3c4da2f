import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwingateSim, type TwingateSim } from "../../../sim/twingate";
import { type SyncHarness, syncHarness } from "../../../test/sync-harness";
import type { FetchLike, RetryPolicy } from "../../vendors/core/http";
import { TwingateClient } from "../../vendors/twingate/client";
import { type PaceKind, type PaceLimit, TWINGATE_LIMITS } from "../../vendors/twingate/pacer";
import { nodeFetch } from "../node-fetch";
import { normEmail } from "../target";
import { twingateSyncWith } from "./sync";

const API_KEY = "tg-sync-test-4b7e1a";
const GENEROUS: Record<PaceKind, PaceLimit> = {
  read: { limit: 100_000, windowMs: 60_000 },
  write: TWINGATE_LIMITS.write,
};
const FAST_RETRY: RetryPolicy = { retries: 5, minDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 5_000 };
// Small pages, so that every list and the larger nested connections take several.
const PAGE = 2;

let sim: TwingateSim;
let credentials: { apiKey: string };
let url: string;
let h: SyncHarness;
let tg: TwingateClient;

beforeAll(async () => {
  credentials = { apiKey: API_KEY };
  sim = createTwingateSim({
    size: "small",
    credentials,
    rateLimits: { readsPerWindow: 100_000, writesPerWindow: 100_000 },
  });
  url = (await sim.server.listen(0)).url;
  h = await syncHarness(
    "twingate",
    twingateSyncWith(GENEROUS, { retry: FAST_RETRY, timeoutMs: 5_000, pageSize: PAGE }),
    {
      baseUrl: url,
      secrets: { apiKey: API_KEY },
      settings: { network: "northwind" },
    },
  );
  tg = new TwingateClient({ baseUrl: url, credentials, retry: FAST_RETRY, pacer: { acquire: async () => undefined } });
  // A third key, so that one service account's keys take a second page.
  const ci = (await tg.serviceAccounts()).find((s) => s.name === "CI Runner")!;
  await tg.serviceAccountKeyCreate({ serviceAccountId: ci.id, name: "ci-2026", expirationTime: 0 });
});
afterAll(async () => {
  await h?.close();
  await sim?.server.close();
});

const simJson = (method: string, path: string, body?: unknown) =>
  fetch(`${url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());

/** What the vendor holds now, per cache table or kind. */
function vendorCounts() {
  const s = sim.state;
  const groups = [...s.groups.values()];
  return {
    user: s.users.size,
    device: s.devices.size,
    group: s.groups.size,
    group_member: groups.reduce((n, g) => n + s.groupUsers(g).length, 0),
    resource: s.resources.size,
    resource_access: [...s.resources.values()].reduce((n, r) => n + r.access.size, 0),
    remote_network: s.remoteNetworks.size,
    connector: s.connectors.size,
    service_account: s.serviceAccounts.size,
    service_account_key: s.serviceAccountKeys.size,
    security_policy: s.securityPolicies.size,
  };
}

/** Live (not deleted) cache rows of the tenant, in the same shape. */
async function cachedCounts() {
  const db = h.t.db;
  const where = { tenantId: h.tenantId, vendor: "twingate" as const, deletedAt: null };
  const objects = await db.vendorObject.groupBy({ by: ["kind"], where, _count: true });
  const edges = await db.vendorEdge.groupBy({ by: ["kind"], where, _count: true });
  return {
    user: await db.twingateUser.count({ where: { tenantId: h.tenantId, deletedAt: null } }),
    device: await db.twingateDevice.count({ where: { tenantId: h.tenantId, deletedAt: null } }),
    ...Object.fromEntries([...objects, ...edges].map((r) => [r.kind, r._count])),
  };
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const auditCount = () => h.t.db.auditEvent.count();
const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));
/** Reads of a parent beyond the first page of its nested connection, which came with the list. */
const followUps = (sizes: number[]) => sizes.reduce((n, size) => n + pages(size) - 1, 0);

describe("Twingate sync", () => {
  it(
    "fills every table and kind from the vendor on a first run, reading " +
      "nested connections only where they have more",
    async () => {
      await simJson("DELETE", "/__sim/requests");
      const expected = vendorCounts();
      const run = await h.run();
      expect(run).toMatchObject({
        status: "succeeded",
        error: null,
        fetched: total(expected),
        created: total(expected),
        updated: 0,
        deleted: 0,
        driftEvents: 0,
      });
      expect(await cachedCounts()).toEqual(expected);

      const s = sim.state;
      const log = (await simJson("GET", "/__sim/requests")) as { byField: Record<string, number> };
      expect(log.byField).toEqual({
        users: pages(s.users.size),
        devices: pages(s.devices.size),
        groups: pages(s.groups.size),
        resources: pages(s.resources.size),
        remoteNetworks: pages(s.remoteNetworks.size),
        connectors: pages(s.connectors.size),
        serviceAccounts: pages(s.serviceAccounts.size),
        securityPolicies: pages(s.securityPolicies.size),
        group: followUps([...s.groups.values()].map((g) => s.groupUsers(g).length)),
        resource: followUps([...s.resources.values()].map((r) => r.access.size)),
        serviceAccount: followUps(
          [...s.serviceAccounts.values()].map(
            (a) => [...s.serviceAccountKeys.values()].filter((k) => k.serviceAccountN === a.n).length,
          ),
        ),
      });
      expect(log.byField.group).toBeGreaterThan(0);
      expect(log.byField.resource).toBeGreaterThan(0);
      expect(log.byField.serviceAccount).toBeGreaterThan(0);

      const users = await tg.users();
      const userRows = new Map(
        (await h.t.db.twingateUser.findMany({ where: { tenantId: h.tenantId } })).map((r) => [r.vendorId, r]),
      );
      for (const u of users) {
        expect(userRows.get(u.id)).toMatchObject({
          email: u.email,
          emailNorm: normEmail(u.email),
          firstName: u.firstName,
          lastName: u.lastName,
          state: u.state,
          role: u.role,
          type: u.type,
          createdAtVendor: new Date(u.createdAt),
          raw: u,
        });
      }
      const devices = await tg.devices();
      const deviceRows = new Map(
        (await h.t.db.twingateDevice.findMany({ where: { tenantId: h.tenantId } })).map((r) => [r.vendorId, r]),
      );
      for (const d of devices) {
        expect(deviceRows.get(d.id)).toMatchObject({
          name: d.name,
          userVendorId: d.user.id,
          userEmailNorm: normEmail(d.user.email),
          activeState: d.activeState,
          isTrusted: d.isTrusted,
          serialNumber: d.serialNumber,
          hostname: d.hostname,
        });
      }

      const everyone = (await tg.groups({ name: { eq: "Everyone" } }))[0];
      const everyoneRow = await h.t.db.vendorObject.findFirstOrThrow({
        where: { tenantId: h.tenantId, kind: "group", vendorId: everyone!.id },
      });
      expect(everyoneRow).toMatchObject({ name: "Everyone", raw: everyone });
      expect(
        await h.t.db.vendorEdge.count({ where: { tenantId: h.tenantId, kind: "group_member", fromId: everyone!.id } }),
      ).toBe(users.length);

      for (const r of await tg.resources()) {
        const detail = (await tg.resource(r.id))!;
        const edges = await h.t.db.vendorEdge.findMany({
          where: { tenantId: h.tenantId, kind: "resource_access", fromId: r.id },
          orderBy: { toId: "asc" },
        });
        expect(edges.map((e) => ({ toId: e.toId, attributes: e.attributes }))).toEqual(
          detail.access.edges
            .map((e) => ({
              toId: e.node.id,
              attributes: {
                securityPolicyId: e.securityPolicy?.id ?? null,
                expiresAt: e.expiresAt,
                principalType: e.node.__typename === "Group" ? "GROUP" : "SERVICE_ACCOUNT",
              },
            }))
            .sort((a, b) => a.toId.localeCompare(b.toId)),
        );
      }
      const keys = await h.t.db.vendorObject.findMany({ where: { tenantId: h.tenantId, kind: "service_account_key" } });
      expect(keys.map((k) => k.name).sort()).toEqual(["backup", "ci-2024", "ci-2025", "ci-2026"]);

      // People are linked by normalised email.
      const people = await h.t.db.person.findMany({ where: { tenantId: h.tenantId } });
      expect(people.map((p) => p.emailNorm).sort()).toEqual(users.map((u) => normEmail(u.email)).sort());
    },
  );

  it("writes nothing and records no audit event when nothing changed upstream", async () => {
    const audits = await auditCount();
    const run = await h.run({ concurrency: 2 });
    const expected = total(vendorCounts());
    expect(run).toMatchObject({
      status: "succeeded",
      fetched: expected,
      unchanged: expected,
      created: 0,
      updated: 0,
      deleted: 0,
      driftEvents: 0,
    });
    expect(await auditCount()).toBe(audits);
  });

  it("reports a change made at the vendor once, as changed_externally with before and after", async () => {
    const user = (await tg.users()).find((u) => u.state === "ACTIVE")!;
    const device = (await tg.devices({ activeState: { in: ["ACTIVE"] } }))[0];
    const resource = (await tg.resources())[0];
    const grant = (await tg.resource(resource!.id))!.access.edges.find(
      (e) => e.node.__typename === "Group" && e.securityPolicy === null,
    )!;
    const policy = (await tg.securityPolicies()).find((p) => p.name === "Require MFA")!;
    await tg.userDetailsUpdate({ id: user.id, state: "DISABLED" });
    await tg.deviceBlock(device!.id);
    await tg.resourceAccessAdd(resource!.id, [{ principalId: grant.node.id, securityPolicyId: policy.id }]);
    const audits = await auditCount();

    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", driftEvents: 3, created: 0, deleted: 0 });
    const events = await h.t.db.auditEvent.findMany({ where: { tenantId: h.tenantId }, orderBy: { seq: "asc" } });
    expect(events).toHaveLength(audits + 3);
    const byAction = Object.fromEntries(events.map((e) => [e.action, e]));
    expect(byAction["twingate.user.changed_externally"]).toMatchObject({
      vendor: "twingate",
      actorId: null,
      outcome: "success",
      jobId: run.id,
      targets: [{ type: "twingate_user", id: user.id, label: user.email }],
      before: { state: "ACTIVE" },
      after: { state: "DISABLED" },
    });
    expect(byAction["twingate.device.changed_externally"]).toMatchObject({
      targets: [expect.objectContaining({ type: "twingate_device", id: device!.id })],
      before: { activeState: "ACTIVE" },
      after: { activeState: "BLOCKED" },
    });
    expect(byAction["twingate.resource_access.changed_externally"]).toMatchObject({
      targets: [expect.objectContaining({ id: `${resource!.id}|${grant.node.id}` })],
      before: { attributes: { securityPolicyId: null, expiresAt: null, principalType: "GROUP" } },
      after: { attributes: { securityPolicyId: policy.id, expiresAt: null, principalType: "GROUP" } },
    });
    expect(
      await h.t.db.twingateUser.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: user.id } }),
    ).toMatchObject({ state: "DISABLED" });

    const again = await h.run();
    expect(again).toMatchObject({ status: "succeeded", driftEvents: 0, updated: 0, created: 0, deleted: 0 });
    expect(await auditCount()).toBe(audits + 3);
  });

  it("marks what the vendor deleted as deleted on the next run", async () => {
    const user = (await tg.users()).find((u) => u.type === "MANUAL" && u.state !== "PENDING")!;
    const devices = (await tg.devices()).filter((d) => d.user.id === user.id);
    const memberships = (await tg.user(user.id))!.groups.edges.length;
    const lab = (await tg.remoteNetworks({ name: { eq: "Lab" } }))[0];
    expect(devices.length).toBeGreaterThan(0);
    expect(memberships).toBeGreaterThan(0);
    await tg.userDelete(user.id);
    await tg.remoteNetworkDelete(lab!.id);

    const run = await h.run();
    expect(run).toMatchObject({
      status: "succeeded",
      deleted: 1 + devices.length + memberships + 1,
      created: 0,
      driftEvents: 0,
    });
    const where = { tenantId: h.tenantId };
    expect(
      (await h.t.db.twingateUser.findFirstOrThrow({ where: { ...where, vendorId: user.id } })).deletedAt,
    ).not.toBeNull();
    for (const d of devices)
      expect(
        (await h.t.db.twingateDevice.findFirstOrThrow({ where: { ...where, vendorId: d.id } })).deletedAt,
      ).not.toBeNull();
    expect(
      await h.t.db.vendorEdge.count({ where: { ...where, kind: "group_member", toId: user.id, deletedAt: null } }),
    ).toBe(0);
    expect(
      (await h.t.db.vendorObject.findFirstOrThrow({ where: { ...where, kind: "remote_network", vendorId: lab!.id } }))
        .deletedAt,
    ).not.toBeNull();
    expect(await cachedCounts()).toEqual(vendorCounts());
    expect((await h.run()).deleted).toBe(0);
  });

  it("survives a burst of 429s and a share of 5xx answers", async () => {
    const expected = total(vendorCounts());
    try {
      await simJson("PUT", "/__sim/faults", { burst429: 3, retryAfterSeconds: 1 });
      const limited = await h.run();
      expect(limited).toMatchObject({
        status: "succeeded",
        fetched: expected,
        unchanged: expected,
        created: 0,
        updated: 0,
        deleted: 0,
      });
      expect((await simJson("GET", "/__sim/faults")).burst429).toBe(0);

      await simJson("PUT", "/__sim/faults", { errorRate: 0.2 });
      const failing = await h.run();
      expect(failing).toMatchObject({
        status: "succeeded",
        fetched: expected,
        unchanged: expected,
        created: 0,
        updated: 0,
        deleted: 0,
      });
    } finally {
      await simJson("PUT", "/__sim/faults", { burst429: 0, errorRate: 0, retryAfterSeconds: 1 });
    }
    expect(await cachedCounts()).toEqual(vendorCounts());
  });

  it("fails with the vendor's refusal and marks nothing deleted when the token is no longer accepted", async () => {
    const deletedBefore =
      (await h.t.db.vendorObject.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } })) +
      (await h.t.db.vendorEdge.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } })) +
      (await h.t.db.twingateUser.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } })) +
      (await h.t.db.twingateDevice.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } }));
    const live = await cachedCounts();
    credentials.apiKey = "revoked";
    try {
      const run = await h.run();
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/Invalid API key.*HTTP 401/);
      expect(run).toMatchObject({ deleted: 0, created: 0, updated: 0 });
    } finally {
      credentials.apiKey = API_KEY;
    }
    expect(await cachedCounts()).toEqual(live);
    const deletedAfter =
      (await h.t.db.vendorObject.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } })) +
      (await h.t.db.vendorEdge.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } })) +
      (await h.t.db.twingateUser.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } })) +
      (await h.t.db.twingateDevice.count({ where: { tenantId: h.tenantId, NOT: { deletedAt: null } } }));
    expect(deletedAfter).toBe(deletedBefore);
  });
});

describe("Twingate sync pacing", () => {
  it("keeps inside the token's read budget, so the vendor never answers 429", async () => {
    const budget = { readsPerWindow: 5, windowMs: 2_000 };
    const paced = createTwingateSim({
      size: "small",
      credentials: { apiKey: API_KEY },
      rateLimits: { ...budget, writesPerWindow: 20 },
    });
    const { url: pacedUrl } = await paced.server.listen(0);
    const limits = { read: { limit: budget.readsPerWindow, windowMs: budget.windowMs }, write: TWINGATE_LIMITS.write };
    const statuses: number[] = [];
    const watched: FetchLike = async (input, init) => {
      const res = await nodeFetch(input, init);
      if (String(input).startsWith(pacedUrl)) statuses.push(res.status);
      return res;
    };
    const ph = await syncHarness(
      "twingate",
      twingateSyncWith(limits, { retry: FAST_RETRY, timeoutMs: 5_000, fetch: watched }),
      {
        baseUrl: pacedUrl,
        secrets: { apiKey: API_KEY },
        settings: { network: "northwind" },
      },
    );
    const realFetch = globalThis.fetch;
    try {
      const started = Date.now();
      const run = await ph.run({ concurrency: 8 });
      const elapsed = Date.now() - started;
      // Eight lists of one page each: three more reads than the window allows.
      expect(run).toMatchObject({ status: "succeeded", deleted: 0 });
      expect(statuses).toHaveLength(8);
      expect(statuses.filter((s) => s === 429)).toEqual([]);
      expect(elapsed).toBeGreaterThanOrEqual(budget.windowMs);
      const log = (await (await realFetch(`${pacedUrl}/__sim/requests`)).json()) as { total: number };
      expect(log.total).toBe(8);
    } finally {
      await ph.close();
      await paced.server.close();
    }
  });
});
