import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTruGridSim, type TruGridSim } from "../../sim/trugrid";
import { type SyncHarness, syncHarness } from "../../test/sync-harness";
import { trugridSync } from "../sync/trugrid/sync";
import { allowedIpTarget } from "../sync/trugrid/targets";
import { TruGridClient } from "../vendors/trugrid";
import { clearAssociations, replaceValues, upsertAssociation, upsertLogonIps } from "./cache";

// The console writes the cache right after a change TruGrid accepted. If it
// wrote a different shape than the sync, the next sync would rewrite the row
// and report the console's own change as drift: these tests make sure not.

let sim: TruGridSim;
let h: SyncHarness;
let client: TruGridClient;
let domain: string;

beforeAll(async () => {
  sim = createTruGridSim({ size: "small" });
  const url = (await sim.server.listen(0)).url;
  domain = sim.credentials.domainName;
  client = new TruGridClient({ baseUrl: url, credentials: sim.credentials });
  h = await syncHarness("trugrid", trugridSync, {
    baseUrl: url,
    secrets: { apiKey: sim.credentials.apiKey },
    settings: { domainName: domain },
  });
  expect(await h.run()).toMatchObject({ status: "succeeded" });
});

afterAll(async () => {
  await h?.close();
  await sim?.server.close();
});

describe("console cache writes", () => {
  it("match what the next sync reads: nothing rewritten, no drift", async () => {
    const d = sim.state.domains.get(domain)!;
    const farm = d.machineGroups.get("remote desktop farm")!;
    const [userKey, machineKey] = [...d.associations.get("remote desktop farm")!.byUser][0]!;
    const upn = d.users.get(userKey)!.upn;
    const to = d.machines.get([...farm.members].find((m) => m !== machineKey)!)!.name;
    const [set] = await client.setMachineAssociations([{ userUpn: upn, groupName: farm.name, machineName: to }]);
    expect(set!.ok).toBe(true);
    await upsertAssociation(h.t.db, h.tenantId, set!.item);

    const traveller = [...d.users.values()].find((u) => u.synced && u.upn !== upn)!;
    traveller.logon.web = "203.0.113.250";
    await upsertLogonIps(h.t.db, h.tenantId, await client.getUserLogonIp([traveller.upn]));

    d.ipWhitelist.push("192.0.2.250");
    await replaceValues(h.t.db, h.tenantId, allowedIpTarget, await client.ipWhitelist());

    const [cleared] = await client.clearMachineAssociations(["IT Workstations"]);
    expect(cleared!.ok).toBe(true);
    expect(await clearAssociations(h.t.db, h.tenantId, ["it workstations"])).toBeGreaterThan(0);

    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0, driftEvents: 0 });
    expect(
      await h.t.db.auditEvent.count({ where: { tenantId: h.tenantId, action: { endsWith: "changed_externally" } } }),
    ).toBe(0);
  });
});
