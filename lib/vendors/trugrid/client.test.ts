import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTruGridSim, type TruGridSim } from "../../../sim/trugrid";
import type { RetryPolicy } from "../core/http";
import { VendorError } from "../core/vendor-error";
import { TruGridClient, type TruGridClientOptions } from "./client";

// The client against its simulator over real HTTP. The "demo" company has a
// 150-person domain, so lists longer than 100 are real.

const FAST: RetryPolicy = { retries: 3, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 };
const D = "northwind.example";

let sim: TruGridSim;
let url: string;
let tg: TruGridClient;

const client = (over: Partial<TruGridClientOptions> = {}) =>
  new TruGridClient({ baseUrl: url, credentials: sim.credentials, retry: FAST, timeoutMs: 2_000, ...over });
const domain = () => sim.state.domains.get(D)!;
const synced = () => [...domain().users.values()].filter((u) => u.synced);
const simGet = async (path: string) => (await fetch(`${url}/__sim/${path}`)).json();
const userState = (upn: string) => simGet(`state/${D}/users/${encodeURIComponent(upn)}`);
const requests = async (route: string): Promise<number> =>
  ((await simGet("requests")) as { byRoute: Record<string, number> }).byRoute[route.toLowerCase()] ?? 0;
const faults = (f: object) => fetch(`${url}/__sim/faults`, { method: "PUT", body: JSON.stringify(f) });
const loseAnswers = (count: number, mode: "error" | "hang") =>
  fetch(`${url}/__sim/lost-answers`, { method: "PUT", body: JSON.stringify({ count, mode }) });

async function vendorError(p: Promise<unknown>): Promise<VendorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VendorError);
  return err as VendorError;
}

beforeAll(async () => {
  sim = createTruGridSim({ size: "demo" });
  url = (await sim.server.listen(0)).url;
  tg = client();
});
afterAll(async () => {
  await sim.server.close();
});

describe("authentication and domain", () => {
  it("refuses a wrong api_key with 401 and does not retry", async () => {
    const err = await vendorError(client({ credentials: { ...sim.credentials, apiKey: "wrong" } }).ipWhitelist());
    expect(err.info).toMatchObject({
      vendor: "trugrid",
      operation: "ipWhitelist",
      kind: "http",
      status: 401,
      vendorMessage: "Invalid API key.",
      retryable: false,
    });
  });

  it("refuses a missing api_key", async () => {
    const err = await vendorError(
      client({ credentials: { ...sim.credentials, apiKey: "" } }).turnOnMfa([synced()[0]!.upn]),
    );
    expect(err.info).toMatchObject({ status: 401, vendorMessage: "Missing api_key header." });
  });

  it("refuses an unknown domainName with 400", async () => {
    const err = await vendorError(
      client({ credentials: { ...sim.credentials, domainName: "nowhere.example" } }).externalResources(),
    );
    expect(err.info).toMatchObject({
      status: 400,
      vendorMessage: "Domain 'nowhere.example' not found.",
      retryable: false,
    });
  });
});

describe("MFA", () => {
  it("turns MFA on, answering per item", async () => {
    const off = synced().find((u) => !u.mfaEnabled)!;
    const res = await tg.turnOnMfa([off.upn, `ghost@${D}`]);
    expect(res).toEqual([
      { item: off.upn, status: "Success.", ok: true },
      { item: `ghost@${D}`, status: `Error. Reason: User 'ghost@${D}' not found in domain '${D}'.`, ok: false },
    ]);
    expect((await userState(off.upn)).mfaEnabled).toBe(true);
  });

  it("turns MFA off but not for Admin-role users", async () => {
    const admin = synced().find((u) => u.isAdmin)!;
    const plain = synced().find((u) => !u.isAdmin && u.mfaEnabled)!;
    const res = await tg.turnOffMfa([plain.upn, admin.upn]);
    expect(res[0]).toMatchObject({ status: "Success.", ok: true });
    expect(res[1]).toMatchObject({
      item: admin.upn,
      ok: false,
      status: `Error. Reason: MFA cannot be turned off for user '${admin.upn}' with an Admin role.`,
    });
    expect((await userState(plain.upn)).mfa).toBe("off");
    expect((await userState(admin.upn)).mfa).toBe("on");
    await tg.turnOnMfa([plain.upn]);
  });

  it("resets MFA, clearing the phone only when asked", async () => {
    const [a, b] = synced().filter((u) => u.mfaEnabled && u.mfaEnrolled && u.phone && !u.isAdmin);
    const phoneB = b!.phone;
    expect(await tg.resetMfa([a!.upn], { resetPhone: true })).toEqual([{ item: a!.upn, status: "Success.", ok: true }]);
    expect(await tg.resetMfa([b!.upn], { resetPhone: false })).toEqual([
      { item: b!.upn, status: "Success.", ok: true },
    ]);
    expect(await userState(a!.upn)).toMatchObject({ mfa: "unset", phone: null });
    expect(await userState(b!.upn)).toMatchObject({ mfa: "unset", phone: phoneB });
  });

  it("fails resetMfa per item when MFA is not set up or turned off", async () => {
    const unset = synced().find((u) => u.mfaEnabled && !u.mfaEnrolled)!;
    const off = synced().find((u) => !u.mfaEnabled)!;
    const res = await tg.resetMfa([unset.upn, off.upn], { resetPhone: false });
    expect(res.map((r) => r.status)).toEqual([
      `Error. Reason: MFA is not set up for user '${unset.upn}'.`,
      `Error. Reason: MFA is turned off for user '${off.upn}'.`,
    ]);
  });

  it("rejects a list with a malformed UPN as a whole, verbatim", async () => {
    const err = await vendorError(tg.turnOnMfa([synced()[0]!.upn, "not-an-email"]));
    expect(err.info).toMatchObject({
      status: 400,
      vendorMessage: "Invalid UPN format encountered at not-an-email.",
      retryable: false,
    });
  });

  it("splits more than 100 UPNs into requests of at most 100 and keeps input order", async () => {
    const upns = [...synced().map((u) => u.upn), `ghost@${D}`].reverse();
    expect(upns.length).toBeGreaterThan(100);
    const before = await requests("turnOnMfa");
    const res = await tg.turnOnMfa(upns);
    expect(await requests("turnOnMfa")).toBe(before + Math.ceil(upns.length / 100));
    expect(res.map((r) => r.item)).toEqual(upns);
    expect(res[0]).toMatchObject({ ok: false, status: `Error. Reason: User 'ghost@${D}' not found in domain '${D}'.` });
    expect(res.slice(1).every((r) => r.status === "Success.")).toBe(true);
  });
});

describe("machine associations", () => {
  const group = "Remote Desktop Farm";

  it("reads associations by group and by user", async () => {
    const byGroup = await tg.getMachineAssociations({ groupName: group });
    expect(byGroup.length).toBeGreaterThan(0);
    expect(byGroup.every((a) => a.groupName === group && a.machineName.startsWith("NW-RDS-"))).toBe(true);
    const byUser = await tg.getMachineAssociations({ userUpn: byGroup[0]!.userUpn });
    expect(byUser).toContainEqual(byGroup[0]);
  });

  it("answers the documented 400s of GetMachineAssociations", async () => {
    const cases: [Promise<unknown>, string][] = [
      [
        tg.getMachineAssociations({ groupName: group, userUpn: `a@${D}` } as never),
        "Exactly one of 'groupName' or 'userUpn' must be provided.",
      ],
      [tg.getMachineAssociations({} as never), "Exactly one of 'groupName' or 'userUpn' must be provided."],
      [tg.getMachineAssociations({ userUpn: "bad-upn" }), "Invalid UPN format encountered at bad-upn."],
      [tg.getMachineAssociations({ groupName: "Nope" }), `Group 'Nope' not found in domain '${D}'.`],
      [tg.getMachineAssociations({ userUpn: `ghost@${D}` }), `User 'ghost@${D}' not found in domain '${D}'.`],
    ];
    for (const [p, message] of cases)
      expect((await vendorError(p)).info).toMatchObject({ status: 400, vendorMessage: message });
  });

  it("sets associations with every documented per-item status", async () => {
    const d = domain();
    const sales = [...d.userGroups.get("sales users")!.members].map((m) => d.users.get(m)!).filter((u) => u.synced);
    const assoc = d.associations.get("sales workstations")!;
    const holder = sales.find((u) => assoc.byUser.has(u.upn))!;
    const held = d.machines.get(assoc.byUser.get(holder.upn)!)!.name;
    const other = sales.find((u) => u !== holder)!;
    const free = [...d.machineGroups.get("sales workstations")!.members]
      .map((m) => d.machines.get(m)!)
      .find((m) => m.synced && !assoc.byMachine.has(m.name.toLowerCase()))!;
    const finance = [...d.userGroups.get("finance users")!.members].map((m) => d.users.get(m)!).find((u) => u.synced)!;
    const res = await tg.setMachineAssociations([
      { userUpn: holder.upn, groupName: "Sales Workstations", machineName: held },
      { userUpn: holder.upn, groupName: "Sales Workstations", machineName: free.name },
      { userUpn: other.upn, groupName: "Sales Workstations", machineName: free.name },
      { userUpn: holder.upn, groupName: "", machineName: held },
      { userUpn: holder.upn, groupName: "Nope", machineName: held },
      { userUpn: holder.upn, groupName: "Sales Workstations", machineName: "NW-NOPE" },
      { userUpn: holder.upn, groupName: "Sales Workstations", machineName: "NW-RDS-01" },
      { userUpn: `ghost@${D}`, groupName: "Sales Workstations", machineName: free.name },
      { userUpn: finance.upn, groupName: "Sales Workstations", machineName: free.name },
    ]);
    expect(res.map((r) => r.status)).toEqual([
      "Success.",
      `Success. Previous association with '${held}' replaced.`,
      `Error. Reason: Machine '${free.name}' is already associated ` +
        `with user '${holder.upn}' in group 'Sales Workstations'.`,
      "Error. Reason: Required data is missing.",
      `Error. Reason: Group 'Nope' not found in domain '${D}'.`,
      `Error. Reason: Machine 'NW-NOPE' not found in domain '${D}'.`,
      "Error. Reason: Machine 'NW-RDS-01' is not a member of group 'Sales Workstations'.",
      `Error. Reason: User 'ghost@${D}' not found in domain '${D}'.`,
      `Error. Reason: User '${finance.upn}' is not assigned to group 'Sales Workstations'.`,
    ]);
    expect(res.map((r) => r.ok)).toEqual([true, true, false, false, false, false, false, false, false]);
    expect(await tg.getMachineAssociations({ userUpn: holder.upn })).toContainEqual({
      userUpn: holder.upn,
      groupName: "Sales Workstations",
      machineName: free.name,
    });
  });

  it("lets users share a machine in a group with a server", async () => {
    const rows = await tg.getMachineAssociations({ groupName: group });
    const users = domain().users;
    const itUsers = [...domain().userGroups.get("it users")!.members].map((m) => users.get(m)!).filter((u) => u.synced);
    const res = await tg.setMachineAssociations(
      itUsers.slice(0, 2).map((u) => ({ userUpn: u.upn, groupName: group, machineName: "NW-RDS-03" })),
    );
    expect(res.every((r) => r.ok)).toBe(true);
    const after = await tg.getMachineAssociations({ groupName: group });
    expect(after.filter((a) => a.machineName === "NW-RDS-03").map((a) => a.userUpn)).toEqual(
      expect.arrayContaining(itUsers.slice(0, 2).map((u) => u.upn)),
    );
    expect(after.length).toBeGreaterThanOrEqual(rows.length);
  });

  it("refuses an empty list and a malformed UPN with the documented 400s", async () => {
    expect((await vendorError(tg.setMachineAssociations([]))).info).toMatchObject({
      status: 400,
      vendorMessage: "Request body must contain at least one association.",
    });
    const err = await vendorError(
      tg.setMachineAssociations([{ userUpn: "john", groupName: group, machineName: "NW-RDS-01" }]),
    );
    expect(err.info).toMatchObject({ status: 400, vendorMessage: "Invalid UPN format encountered at john." });
  });

  it("uses a configurable route for Set Machine Associations", async () => {
    const other = createTruGridSim({ size: "small", setMachineAssociationsRoute: "ExternalResources" });
    const o = await other.server.listen(0);
    try {
      const c = new TruGridClient({
        baseUrl: o.url,
        credentials: other.credentials,
        retry: FAST,
        setMachineAssociationsRoute: "ExternalResources",
      });
      const d = [...other.state.domains.values()][0];
      const itUser = [...d!.userGroups.get("it users")!.members].map((m) => d!.users.get(m)!).find((u) => u.synced)!;
      const res = await c.setMachineAssociations([
        { userUpn: itUser.upn, groupName: "Remote Desktop Farm", machineName: "NW-RDS-02" },
      ]);
      expect(res[0]!.ok).toBe(true);
      expect((await c.externalResources()).length).toBeGreaterThan(0);
    } finally {
      await other.server.close();
    }
  });

  it("adds resource assignments, which then allow associations", async () => {
    const sales = [...domain().userGroups.get("sales users")!.members]
      .map((m) => domain().users.get(m)!)
      .find((u) => u.synced)!;
    const before = await tg.setMachineAssociations([
      { userUpn: sales.upn, groupName: group, machineName: "NW-RDS-01" },
    ]);
    expect(before[0]!.status).toBe(`Error. Reason: User '${sales.upn}' is not assigned to group '${group}'.`);
    const res = await tg.addUserMachineAssignment([
      { key: sales.upn, value: [group] },
      { key: "Finance Users", value: ["NW-RDS-02", "Sales Workstations"] },
      { key: "Ghost Users", value: [group] },
      { key: sales.upn, value: [group] },
      { key: "HR Users", value: ["NW-NOPE"] },
    ]);
    expect(res.map((r) => r.status)).toEqual([
      "Success.",
      "Success.",
      `Error. Reason: Group 'Ghost Users' not found in domain '${D}'.`,
      `Error. Reason: Key '${sales.upn}' is not unique in the request.`,
      `Error. Reason: Machine 'NW-NOPE' not found in domain '${D}'.`,
    ]);
    expect(res[0]!.item).toEqual({ key: sales.upn, value: [group] });
    const after = await tg.setMachineAssociations([{ userUpn: sales.upn, groupName: group, machineName: "NW-RDS-01" }]);
    expect(after[0]!.status).toBe("Success.");
    const err = await vendorError(tg.addUserMachineAssignment([{ key: "x@y", value: [group] }]));
    expect(err.info.vendorMessage).toBe("Invalid UPN format encountered at x@y.");
  });

  it("clears machine associations for named groups, then for all", async () => {
    const res = await tg.clearMachineAssociations(["Sales Workstations", "Nope"]);
    expect(res.map((r) => r.status)).toEqual(["Success.", `Error. Reason: Group 'Nope' not found in domain '${D}'.`]);
    expect(await tg.getMachineAssociations({ groupName: "Sales Workstations" })).toEqual([]);
    expect((await tg.getMachineAssociations({ groupName: group })).length).toBeGreaterThan(0);
    const all = await tg.clearMachineAssociations();
    expect(all.map((r) => r.item)).toContain(group);
    expect(all.every((r) => r.ok)).toBe(true);
    expect(await tg.getMachineAssociations({ groupName: group })).toEqual([]);
  });
});

describe("AD sync and refresh", () => {
  it("syncs newly added users, machines and groups, which TruGrid then knows", async () => {
    const s = await simGet(`state/${D}/summary`);
    const [u1, u2] = s.pendingUsers as [string, string];
    expect((await tg.turnOnMfa([u1]))[0]!.status).toBe(`Error. Reason: User '${u1}' not found in domain '${D}'.`);
    expect(await tg.syncAddedAdUsers([u1, `ghost@${D}`])).toEqual([
      { item: u1, status: "Success.", ok: true },
      { item: `ghost@${D}`, status: `Error. Reason: User 'ghost@${D}' not found in domain '${D}'.`, ok: false },
    ]);
    expect((await tg.turnOnMfa([u1]))[0]!.status).toBe("Success.");

    const [m1] = s.pendingMachines as [string];
    expect((await tg.syncAddedAdMachines([m1, "NW-NOPE"])).map((r) => r.status)).toEqual([
      "Success.",
      `Error. Reason: Machine 'NW-NOPE' not found in domain '${D}'.`,
    ]);
    expect((await tg.syncAddedAdUserGroups(["New Hires", "Nope"])).map((r) => r.ok)).toEqual([true, false]);
    expect((await userState(u2!)).synced).toBe(true);
    expect((await tg.syncAddedAdMachineGroups(["New Hire Workstations"]))[0]!.ok).toBe(true);
    expect(await tg.getMachineAssociations({ groupName: "New Hire Workstations" })).toEqual([]);
    const after = await simGet(`state/${D}/summary`);
    expect(after.pendingUserGroups).toEqual([]);
    expect(after.pendingMachineGroups).toEqual([]);
  });

  it("refreshes Active Directory: everything pending is synced", async () => {
    await tg.refreshActiveDirectory();
    const s = await simGet(`state/${D}/summary`);
    expect(s).toMatchObject({ pendingUsers: [], pendingMachines: [] });
    expect(s.lastActiveDirectoryRefresh).toEqual(expect.any(String));
  });

  it("refreshes applications: unpublished ones are published", async () => {
    expect((await simGet(`state/${D}/summary`)).applications.some((a: { published: boolean }) => !a.published)).toBe(
      true,
    );
    await tg.refreshApplications();
    const s = await simGet(`state/${D}/summary`);
    expect(s.applications.every((a: { published: boolean }) => a.published)).toBe(true);
    expect(s.lastApplicationRefresh).toEqual(expect.any(String));
  });

  it("clears application associations for named groups, then for all", async () => {
    expect((await tg.clearAppAssociations(["Finance Users", "Nope"])).map((r) => r.ok)).toEqual([true, false]);
    let s = await simGet(`state/${D}/summary`);
    expect(s.appAssociations["finance users"]).toBeUndefined();
    expect(s.appAssociations["sales users"]).toBeDefined();
    const all = await tg.clearAppAssociations([]);
    expect(all.map((r) => r.item)).toContain("Sales Users");
    s = await simGet(`state/${D}/summary`);
    expect(s.appAssociations).toEqual({});
  });
});

describe("UPN suffixes", () => {
  it("adds suffixes, refusing registered domains and other domains' suffixes", async () => {
    const res = await tg.addUpnSuffix([
      "northwind-legacy.example",
      "contosodental.example",
      "corp.contosodental.example",
    ]);
    expect(res.map((r) => r.status)).toEqual([
      "Success.",
      "Error. Reason: 'contosodental.example' is a domain registered in TruGrid.",
      "Error. Reason: 'corp.contosodental.example' is already a UPN suffix of another domain.",
    ]);
    expect((await simGet(`state/${D}/summary`)).upnSuffixes).toContain("northwind-legacy.example");
    expect((await vendorError(tg.addUpnSuffix(["not a dns"]))).info).toMatchObject({
      status: 400,
      vendorMessage: "Invalid domain name format encountered at not a dns.",
    });
  });
});

describe("RDP over UDP", () => {
  it("enables and disables for named users", async () => {
    const u = synced()[3];
    expect(await tg.enableUdp([u!.upn])).toEqual([{ item: u!.upn, status: "Success.", ok: true }]);
    expect((await userState(u!.upn)).udp).toBe(true);
    expect((await tg.disableUdp([u!.upn, `ghost@${D}`])).map((r) => r.ok)).toEqual([true, false]);
    expect((await userState(u!.upn)).udp).toBe(false);
  });

  it("applies to every user when the list is empty", async () => {
    const res = await tg.enableUdp();
    expect(res.length).toBe(synced().length);
    expect(res.map((r) => r.item)).toContain(synced()[0]!.upn);
    expect(synced().every((u) => u.udp)).toBe(true);
    await tg.disableUdp([]);
    expect(synced().some((u) => u.udp)).toBe(false);
  });
});

describe("allow-lists and logon IPs", () => {
  it("reads the IP whitelist and the external resources", async () => {
    expect(await tg.ipWhitelist()).toEqual(domain().ipWhitelist);
    const dns = await tg.externalResources();
    expect(dns).toEqual(domain().externalResources);
    expect(dns.length).toBeGreaterThan(0);
  });

  it("reads logon IPs for the domain, for a few users and for more than 100 in chunks", async () => {
    const all = await tg.getUserLogonIp();
    expect(all.length).toBe(synced().length);
    const one = synced()[5];
    expect(await tg.getUserLogonIp([one!.upn])).toEqual([{ upn: one!.upn, ...one!.logon }]);
    const before = await requests("getUserLogonIp");
    const many = await tg.getUserLogonIp(synced().map((u) => u.upn));
    expect(many.map((r) => r.upn)).toEqual(synced().map((u) => u.upn));
    expect(await requests("getUserLogonIp")).toBe(before + Math.ceil(synced().length / 100));
  });

  it("answers 400 for unknown or malformed UPNs", async () => {
    expect((await vendorError(tg.getUserLogonIp([`ghost@${D}`]))).info.vendorMessage).toBe(
      `User 'ghost@${D}' not found in domain '${D}'.`,
    );
    expect((await vendorError(tg.getUserLogonIp(["ghost"]))).info.vendorMessage).toBe(
      "Invalid UPN format encountered at ghost.",
    );
  });
});

describe("faults", () => {
  it("survives a 429 burst by waiting out Retry-After", async () => {
    await faults({ burst429: 2, retryAfterSeconds: 0 });
    expect((await tg.ipWhitelist()).length).toBeGreaterThan(0);
    await faults({ burst429: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const u = synced()[0];
    // A 429 is resent even for a non-idempotent call: the vendor did nothing.
    expect(await tg.resetMfa([u!.upn], { resetPhone: false })).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("retries a 500 on an idempotent read", async () => {
    const before = await requests("IpWhitelist");
    await loseAnswers(1, "error");
    expect((await tg.ipWhitelist()).length).toBeGreaterThan(0);
    expect(await requests("IpWhitelist")).toBe(before + 2);
  });

  it("gives up on a read with retryable 500s after the retries", async () => {
    let calls = 0;
    const counting = client({
      fetch: (i, init) => {
        calls++;
        return fetch(i, init);
      },
      retry: { ...FAST, retries: 2 },
    });
    await faults({ errorRate: 1 });
    try {
      const err = await vendorError(counting.externalResources());
      expect(err.info).toMatchObject({ status: 500, retryable: true });
      expect(calls).toBe(3);
    } finally {
      await faults({ errorRate: 0 });
    }
  });

  it("ends a hang in a timeout VendorError", async () => {
    await faults({ hang: 1 });
    const err = await vendorError(client({ timeoutMs: 150, retry: { ...FAST, retries: 0 } }).ipWhitelist());
    expect(err.info).toMatchObject({ kind: "timeout", status: null, retryable: true });
    // With retries, the same hang is survived.
    await faults({ hang: 1 });
    expect((await client({ timeoutMs: 150 }).ipWhitelist()).length).toBeGreaterThan(0);
  });

  it("does not resend a non-idempotent write after a 500", async () => {
    const d = domain();
    const itUser = [...d.userGroups.get("it users")!.members].map((m) => d.users.get(m)!).find((u) => u.synced)!;
    const before = await requests("SetMachineAssociations");
    await loseAnswers(1, "error");
    const err = await vendorError(
      tg.setMachineAssociations([{ userUpn: itUser.upn, groupName: "Remote Desktop Farm", machineName: "NW-RDS-02" }]),
    );
    expect(err.info).toMatchObject({ status: 500, operation: "setMachineAssociations" });
    expect(await requests("SetMachineAssociations")).toBe(before + 1);
    // The change happened although the answer was lost.
    expect(await tg.getMachineAssociations({ userUpn: itUser.upn })).toContainEqual({
      userUpn: itUser.upn,
      groupName: "Remote Desktop Farm",
      machineName: "NW-RDS-02",
    });
  });

  it("does not resend a non-idempotent write after a timeout", async () => {
    const u = synced().find((x) => x.mfaEnabled && x.mfaEnrolled)!;
    const before = await requests("resetMfa");
    await loseAnswers(1, "hang");
    const err = await vendorError(client({ timeoutMs: 200 }).resetMfa([u.upn], { resetPhone: false }));
    expect(err.info).toMatchObject({ kind: "timeout", operation: "resetMfa" });
    expect(await requests("resetMfa")).toBe(before + 1);
    expect((await userState(u.upn)).mfa).toBe("unset");
  });

  it("does not resend a non-idempotent write refused with 500 before processing", async () => {
    let calls = 0;
    const counting = client({
      fetch: (i, init) => {
        calls++;
        return fetch(i, init);
      },
    });
    await faults({ errorRate: 1 });
    try {
      expect((await vendorError(counting.addUpnSuffix(["another.example"]))).info.status).toBe(500);
      expect(calls).toBe(1);
    } finally {
      await faults({ errorRate: 0 });
    }
  });
});

describe("answers that are not the documented shape", () => {
  const fake = (body: string, status = 200) => client({ fetch: async () => new Response(body, { status }) });

  it("turns a non-JSON body into invalid_response", async () => {
    const err = await vendorError(fake("<html>gateway</html>").ipWhitelist());
    expect(err.info).toMatchObject({ kind: "invalid_response", retryable: false });
  });

  it("turns a status count that does not match the items into invalid_response", async () => {
    const err = await vendorError(fake(JSON.stringify(["Success."])).turnOnMfa(["a@b.example", "c@b.example"]));
    expect(err.info).toMatchObject({ kind: "invalid_response" });
  });

  it("accepts plain status strings and other casings of the envelope", async () => {
    expect(
      await fake(JSON.stringify(["Success.", "Error. Reason: x"])).turnOnMfa(["a@b.example", "c@b.example"]),
    ).toEqual([
      { item: "a@b.example", status: "Success.", ok: true },
      { item: "c@b.example", status: "Error. Reason: x", ok: false },
    ]);
    expect(
      await fake(JSON.stringify({ results: [{ Upn: "a@b.example", Status: "Success." }] })).turnOnMfa(["a@b.example"]),
    ).toEqual([{ item: "a@b.example", status: "Success.", ok: true }]);
    expect(
      await fake(JSON.stringify([{ UserUpn: "a@b.example", WebIp: "192.0.2.1", DesktopIp: null }])).getUserLogonIp(),
    ).toEqual([{ upn: "a@b.example", web: "192.0.2.1", desktop: null, mobile: null }]);
  });

  it("sends the api_key header, the domainName query and the documented route casing", async () => {
    let seen: Request | undefined;
    const c = client({
      baseUrl: "https://tg.example/api/public/",
      fetch: async (i, init) => {
        seen = new Request(i, init);
        return new Response("[]");
      },
    });
    await c.refreshActiveDirectory().catch(() => undefined);
    expect(seen!.url).toBe(`https://tg.example/api/public/RefreshActiveDirectory?domainName=${D}`);
    expect(seen!.method).toBe("POST");
    expect(seen!.headers.get("api_key")).toBe(sim.credentials.apiKey);
  });
});
