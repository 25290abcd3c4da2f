import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTruGridSim, type TruGridSim } from "../../../sim/trugrid";
import { type SyncHarness, syncHarness } from "../../../test/sync-harness";
import { connectionRecord } from "../../vendors/connection-record";
import { type MachineAssociation, TruGridClient } from "../../vendors/trugrid";
import { trugridSync } from "./sync";

// One simulator and one tenant for the whole file: each test starts from the
// cache the previous one left, as consecutive syncs of a real tenant would.

let sim: TruGridSim;
let url: string;
let h: SyncHarness;
let client: TruGridClient;
let domain: string;

const tenant = () => ({ tenantId: h.tenantId });

async function setFaults(faults: Record<string, number>) {
  const res = await fetch(`${url}/__sim/faults`, { method: "PUT", body: JSON.stringify(faults) });
  expect(res.ok).toBe(true);
  return res.json() as Promise<Record<string, number>>;
}

async function setApiKey(apiKey: string) {
  const record = connectionRecord(h.tenantId, "trugrid", url, { apiKey }, { domainName: domain });
  await h.t.db.vendorConnection.update({
    where: { tenantId_vendor: { tenantId: h.tenantId, vendor: "trugrid" } },
    data: record,
  });
}

/** What TruGrid holds, read through the client; associations by group, the other way round from the sync. */
async function vendorView() {
  const summary = (await (await fetch(`${url}/__sim/state/${domain}/summary`)).json()) as {
    machineGroups: { name: string }[];
    pendingMachineGroups: string[];
  };
  const groups = summary.machineGroups.map((g) => g.name).filter((g) => !summary.pendingMachineGroups.includes(g));
  const associations: MachineAssociation[] = [];
  for (const groupName of groups) associations.push(...(await client.getMachineAssociations({ groupName })));
  return {
    users: await client.getUserLogonIp(),
    associations,
    allowedIps: await client.ipWhitelist(),
    externalDns: await client.externalResources(),
  };
}

async function cacheView() {
  const db = h.t.db;
  const where = { tenantId: h.tenantId, deletedAt: null };
  return {
    users: await db.trugridUser.findMany({ where }),
    associations: await db.vendorEdge.findMany({ where: { ...where, vendor: "trugrid", kind: "machine_association" } }),
    allowedIps: await db.vendorObject.findMany({ where: { ...where, vendor: "trugrid", kind: "allowed_ip" } }),
    externalDns: await db.vendorObject.findMany({ where: { ...where, vendor: "trugrid", kind: "external_dns" } }),
  };
}

const sorted = (xs: string[]) => [...xs].sort();

/** The cache holds exactly what the vendor holds; returns how many items that is. */
async function expectCacheMatchesVendor(): Promise<number> {
  const [vendor, cache] = await Promise.all([vendorView(), cacheView()]);
  expect(sorted(cache.users.map((u) => u.vendorId))).toEqual(sorted(vendor.users.map((u) => u.upn)));
  expect(sorted(cache.associations.map((e) => e.vendorId))).toEqual(
    sorted(vendor.associations.map((a) => `${a.userUpn}|${a.groupName}`)),
  );
  expect(sorted(cache.allowedIps.map((o) => o.vendorId))).toEqual(sorted(vendor.allowedIps));
  expect(sorted(cache.externalDns.map((o) => o.vendorId))).toEqual(sorted(vendor.externalDns));
  for (const u of vendor.users) {
    expect(cache.users.find((c) => c.vendorId === u.upn)).toMatchObject({
      upn: u.upn,
      emailNorm: u.upn.toLowerCase(),
      webIp: u.web,
      desktopIp: u.desktop,
      mobileIp: u.mobile,
    });
  }
  for (const a of vendor.associations) {
    expect(cache.associations.find((e) => e.vendorId === `${a.userUpn}|${a.groupName}`)).toMatchObject({
      fromId: a.userUpn,
      toId: a.groupName,
      attributes: { groupName: a.groupName, machineName: a.machineName },
    });
  }
  for (const o of [...cache.allowedIps, ...cache.externalDns]) expect(o.name).toBe(o.vendorId);
  return vendor.users.length + vendor.associations.length + vendor.allowedIps.length + vendor.externalDns.length;
}

const auditCount = () => h.t.db.auditEvent.count({ where: tenant() });
const driftEvents = () =>
  h.t.db.auditEvent.findMany({
    where: { ...tenant(), action: { endsWith: "changed_externally" } },
    orderBy: { seq: "asc" },
  });

let total = 0;

beforeAll(async () => {
  sim = createTruGridSim({ size: "small" });
  url = (await sim.server.listen(0)).url;
  domain = sim.credentials.domainName;
  client = new TruGridClient({ baseUrl: url, credentials: sim.credentials });
  h = await syncHarness("trugrid", trugridSync, {
    baseUrl: url,
    secrets: { apiKey: sim.credentials.apiKey },
    settings: { domainName: domain },
  });
});

afterAll(async () => {
  await h?.close();
  await sim?.server.close();
});

describe("TruGrid sync", () => {
  it("fills users, machine associations, allowed IPs and external DNS on a first run", async () => {
    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", error: null });
    total = await expectCacheMatchesVendor();
    const cache = await cacheView();
    expect(cache.users.length).toBeGreaterThan(10);
    expect(cache.associations.length).toBeGreaterThan(10);
    expect(cache.allowedIps.length).toBeGreaterThan(0);
    expect(cache.externalDns.length).toBeGreaterThan(0);
    expect(run).toMatchObject({ fetched: total, created: total, updated: 0, unchanged: 0, deleted: 0, driftEvents: 0 });
    // Three lists, then one user's associations per page: every page read, against the phases' totals.
    expect(run.pagesDone).toBe(3 + cache.users.length);
    expect(run.pagesTotal).toBe(run.pagesDone);
    expect(run.detail).toMatchObject({
      user: { created: cache.users.length },
      machine_association: { created: cache.associations.length },
      allowed_ip: { created: cache.allowedIps.length },
      external_dns: { created: cache.externalDns.length },
    });
    // Users are linked as people by their UPN.
    const people = await h.t.db.person.findMany({ where: tenant() });
    expect(sorted(people.map((p) => p.emailNorm))).toEqual(sorted(cache.users.map((u) => u.emailNorm)));
    expect(await auditCount()).toBe(0);
  });

  it("writes nothing on a second run without upstream change", async () => {
    const before = await h.t.db.trugridUser.findFirstOrThrow({ where: tenant() });
    const run = await h.run();
    expect(run).toMatchObject({
      status: "succeeded",
      fetched: total,
      created: 0,
      updated: 0,
      unchanged: total,
      deleted: 0,
      driftEvents: 0,
    });
    expect((await h.t.db.trugridUser.findUniqueOrThrow({ where: { id: before.id } })).syncedAt).toEqual(
      before.syncedAt,
    );
    expect(await auditCount()).toBe(0);
  });

  it("reports a machine replaced at the vendor once as drift, and a new logon IP without drift", async () => {
    const d = sim.state.domains.get(domain)!;
    const farm = d.machineGroups.get("remote desktop farm")!;
    const [userKey, machineKey] = [...d.associations.get("remote desktop farm")!.byUser][0]!;
    const upn = d.users.get(userKey)!.upn;
    const from = d.machines.get(machineKey)!.name;
    const to = d.machines.get([...farm.members].find((m) => m !== machineKey && d.machines.get(m)!.synced)!)!.name;
    const [result] = await client.setMachineAssociations([{ userUpn: upn, groupName: farm.name, machineName: to }]);
    expect(result!.status).toMatch(/^Success\. Previous association/);

    // A sign-in from elsewhere: volatile, refreshed without a drift event.
    const traveller = [...d.users.values()].find((u) => u.synced && u.upn !== upn)!;
    traveller.logon.web = "192.0.2.250";

    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", created: 0, updated: 2, deleted: 0, driftEvents: 1 });
    const events = await driftEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "trugrid.machine_association.changed_externally",
      vendor: "trugrid",
      actorId: null,
      outcome: "success",
      jobId: run.id,
      targets: [{ type: "trugrid_machine_association", id: `${upn}|${farm.name}`, label: `${upn} in ${farm.name}` }],
      before: { attributes: { groupName: farm.name, machineName: from } },
      after: { attributes: { groupName: farm.name, machineName: to } },
    });
    expect(
      await h.t.db.trugridUser.findFirstOrThrow({ where: { ...tenant(), vendorId: traveller.upn } }),
    ).toMatchObject({ webIp: "192.0.2.250" });

    const again = await h.run();
    expect(again).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0, driftEvents: 0 });
    expect(await driftEvents()).toHaveLength(1);
    await expectCacheMatchesVendor();
  });

  it("marks what the vendor no longer holds as deleted", async () => {
    const d = sim.state.domains.get(domain)!;
    const cleared = (await client.getMachineAssociations({ groupName: "Remote Desktop Farm" })).map(
      (a) => `${a.userUpn}|${a.groupName}`,
    );
    expect(cleared.length).toBeGreaterThan(0);
    expect((await client.clearMachineAssociations(["Remote Desktop Farm"]))[0]!.status).toBe("Success.");
    // The allow-list has no API to edit it: an admin removes an entry in TruGrid's portal.
    const removedIp = d.ipWhitelist.shift()!;

    const run = await h.run();
    expect(run).toMatchObject({
      status: "succeeded",
      created: 0,
      updated: 0,
      deleted: cleared.length + 1,
      driftEvents: 0,
    });
    const edges = await h.t.db.vendorEdge.findMany({
      where: { ...tenant(), kind: "machine_association", vendorId: { in: cleared } },
    });
    expect(edges).toHaveLength(cleared.length);
    for (const e of edges) expect(e.deletedAt).not.toBeNull();
    expect(
      (await h.t.db.vendorObject.findFirstOrThrow({ where: { ...tenant(), kind: "allowed_ip", vendorId: removedIp } }))
        .deletedAt,
    ).not.toBeNull();
    total = await expectCacheMatchesVendor();

    expect(await h.run()).toMatchObject({ status: "succeeded", deleted: 0, unchanged: total });
  });

  it("survives a burst of 429s and a rate of 5xx answers", async () => {
    await setFaults({ burst429: 6, retryAfterSeconds: 1 });
    const throttled = await h.run();
    expect(throttled).toMatchObject({
      status: "succeeded",
      fetched: total,
      unchanged: total,
      created: 0,
      updated: 0,
      deleted: 0,
    });
    // Every 429 of the burst was answered, and waited out.
    expect(((await (await fetch(`${url}/__sim/faults`)).json()) as { burst429: number }).burst429).toBe(0);

    // The simulator fails every 4th request with a 500: several per run.
    await setFaults({ errorRate: 0.25 });
    const flaky = await h.run();
    await setFaults({ errorRate: 0 });
    expect(flaky).toMatchObject({
      status: "succeeded",
      fetched: total,
      unchanged: total,
      created: 0,
      updated: 0,
      deleted: 0,
    });
    expect(await auditCount()).toBe(1);
  });

  it("fails clearly on a refused key and marks nothing deleted until a run completes", async () => {
    const cleared = (await client.getMachineAssociations({ groupName: "Finance Workstations" })).map(
      (a) => `${a.userUpn}|${a.groupName}`,
    );
    expect(cleared.length).toBeGreaterThan(0);
    await client.clearMachineAssociations(["Finance Workstations"]);

    await setApiKey("tg_wrong_key");
    const failed = await h.run();
    expect(failed).toMatchObject({ status: "failed", deleted: 0 });
    expect(failed.error).toMatch(/Invalid API key.*HTTP 401/);
    expect(await h.t.db.vendorEdge.count({ where: { ...tenant(), vendorId: { in: cleared }, deletedAt: null } })).toBe(
      cleared.length,
    );
    expect(await h.t.db.trugridUser.count({ where: { ...tenant(), deletedAt: { not: null } } })).toBe(0);

    await setApiKey(sim.credentials.apiKey);
    const recovered = await h.run();
    expect(recovered).toMatchObject({ status: "succeeded", deleted: cleared.length, driftEvents: 0 });
    await expectCacheMatchesVendor();
  });
});
