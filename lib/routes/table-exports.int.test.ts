import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTwoTenants } from "../../test/factories";
import type { Staff, TenantSummary } from "../auth/staff";
import type { Db } from "../db/client";

// The table exports' route modules as Next runs them, with a viewer of tenant A signed in and this test's database
// as the app's. Each export is checked for its header, its rows (the filters, the order, tenant A's rows only), its
// audit event, and its refusal of tenant B.
let actor: Staff | null = null;
vi.mock("../auth/session", () => ({
  currentStaff: async () => actor,
  requestMeta: async () => ({ ip: "198.51.100.23", userAgent: "vitest" }),
}));

let t: TestDatabase;
let tenantA: TenantSummary;
let tenantB: TenantSummary;

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9, 30));
const base = { hash: "h", raw: {} };

/** The same rows for tenant B as for tenant A, so that an export showing B's rows would be caught. */
async function seed(db: Db, tenantId: string) {
  await db.jumpcloudUser.createMany({
    data: [
      { username: "ann", displayname: "=HYPERLINK(1)", state: "ACTIVATED", accountLocked: true, mfaStatus: "ENROLLED" },
      { username: "bo", state: "SUSPENDED", accountLocked: false, passwordExpired: true },
      { username: "cy", state: "ACTIVATED", accountLocked: false, totpEnabled: true },
    ].map((u) => ({
      ...base,
      ...u,
      tenantId,
      vendorId: `jc-${u.username}`,
      email: `${u.username}@exports.example`,
      emailNorm: `${u.username}@exports.example`,
    })),
  });
  await db.jumpcloudSystem.createMany({
    data: [
      { vendorId: "sys-mac1", displayName: "Mac one", os: "Mac OS X", osVersion: "15.2", active: true },
      { vendorId: "sys-win", displayName: "Win", os: "Windows", active: false, serialNumber: "SN-W" },
      { vendorId: "sys-mac2", displayName: "Mac two", hostname: "mac2.local", os: "Mac OS X", active: false },
    ].map((s) => ({ ...base, ...s, tenantId, lastContact: at(2) })),
  });
  await db.vendorObject.createMany({
    data: [
      { kind: "user_group", vendorId: "ug-eng", name: "Engineering", raw: { description: "builds, ships" } },
      { kind: "user_group", vendorId: "ug-ops", name: "Ops", raw: {} },
      { kind: "system_group", vendorId: "sg-macs", name: "Macs", raw: {} },
    ].map((g) => ({ ...g, tenantId, vendor: "jumpcloud" as const, hash: "h" })),
  });
  await db.vendorEdge.createMany({
    data: ["jc-ann", "jc-bo"].map((user) => ({
      ...base,
      tenantId,
      vendor: "jumpcloud" as const,
      kind: "user_group_member",
      vendorId: `ug-eng:${user}`,
      fromId: "ug-eng",
      toId: user,
    })),
  });
  await db.trugridUser.createMany({
    data: ["ann", "bo"].map((name) => ({
      ...base,
      tenantId,
      vendorId: `${name}@exports.example`,
      upn: `${name}@exports.example`,
      emailNorm: `${name}@exports.example`,
      webIp: name === "ann" ? "203.0.113.7" : null,
      syncedAt: at(3),
    })),
  });
  await db.trugridUserState.create({
    data: { tenantId, upn: "ann@exports.example", mfaOn: true, mfaSetAt: at(4), mfaSetBy: "op@console.example" },
  });
  await db.twingateDevice.createMany({
    data: [
      {
        vendorId: "RGV2aWNlOjE=",
        name: "alpha",
        activeState: "ACTIVE",
        isTrusted: true,
        userEmailNorm: "ann@x.example",
      },
      { vendorId: "RGV2aWNlOjI=", name: "bravo", activeState: "BLOCKED", isTrusted: false },
      { vendorId: "RGV2aWNlOjM=", name: "charlie", activeState: "ACTIVE", isTrusted: false, osName: "MAC_OS" },
    ].map((d) => ({ ...base, ...d, tenantId, lastSuccessfulLoginAt: at(5) })),
  });
  await db.truuUser.createMany({
    data: ["ann", "bo"].map((name) => ({
      ...base,
      tenantId,
      vendorId: `guid-${name}`,
      upn: `${name}@exports.example`,
      emailNorm: `${name}@exports.example`,
      displayName: name.toUpperCase(),
      createdAtVendor: at(6),
    })),
  });
  await db.truuDevice.create({
    data: { ...base, tenantId, vendorId: "dev-1", userGuid: "guid-ann", assuranceLevel: 300 },
  });
  await db.truuAsset.createMany({
    data: [
      {
        vendorId: "asset-1",
        machineName: "WS-01",
        type: "WINDOWS_AGENT",
        ips: ["10.0.0.5", "10.0.0.6"],
        macs: ["00:11:22:33:44:55"],
        upns: ["ann@exports.example"],
        raw: { hardware: { manufacturer: "Dell", serialNumber: "SN1" }, lastHeardFrom: "2026-01-07T10:00:00Z" },
      },
      { vendorId: "asset-2", machineName: "MB-02", type: "MAC_AGENT", ips: [], macs: [], upns: [], raw: {} },
    ].map((a) => ({ ...a, tenantId, hash: "h" })),
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  let viewer: Staff;
  ({ tenantA, tenantB, viewer } = await makeTwoTenants(t.db, "Exports"));
  actor = viewer;
  await seed(t.db, tenantA.id);
  await seed(t.db, tenantB.id);
});
afterAll(() => t.drop());

type Handler = (request: Request, context: object) => Promise<Response>;
const get = async (c: Pick<Case, "path" | "route">, qs: string) =>
  (await c.route()).GET(new Request(`http://console.test/api/${c.path}/export?${qs}`), {});
const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });

interface Case {
  path: string;
  route: () => Promise<{ GET: Handler }>;
  action: string;
  /** The table's URL filters, and every line of the CSV they give (the header first). */
  qs: string;
  lines: string[];
  /** What the audit event records of the filters. */
  after: object;
  /** A filter value the table does not know: a 400 naming it, nothing exported. */
  bad?: [string, string];
}

const CASES: Case[] = [
  {
    path: "jumpcloud/users",
    route: () => import("../../app/api/jumpcloud/users/export/route"),
    action: "jumpcloud.user.exported",
    qs: "state=ACTIVATED&sort=email&dir=desc",
    lines: [
      "email,username,displayName,state,locked,mfaStatus,totp,passwordExpired,jumpcloudId",
      "cy@exports.example,cy,,ACTIVATED,no,,yes,,jc-cy",
      "ann@exports.example,ann,'=HYPERLINK(1),ACTIVATED,yes,ENROLLED,,,jc-ann",
    ],
    after: { state: "ACTIVATED", sort: "email", dir: "desc" },
    bad: ["lock=maybe", "lock"],
  },
  {
    path: "jumpcloud/systems",
    route: () => import("../../app/api/jumpcloud/systems/export/route"),
    action: "jumpcloud.system.exported",
    qs: "os=Mac%20OS%20X&sort=name",
    lines: [
      "displayName,hostname,os,osVersion,serialNumber,agentActive,lastContact,jumpcloudId",
      "Mac one,,Mac OS X,15.2,,yes,2026-01-02T09:30:00.000Z,sys-mac1",
      "Mac two,mac2.local,Mac OS X,,,no,2026-01-02T09:30:00.000Z,sys-mac2",
    ],
    after: { os: "Mac OS X" },
    bad: ["active=sometimes", "active"],
  },
  {
    path: "jumpcloud/user-groups",
    route: () => import("../../app/api/jumpcloud/user-groups/export/route"),
    action: "jumpcloud.group.exported",
    qs: "sort=members&dir=desc",
    lines: ["name,description,members,jumpcloudId", 'Engineering,"builds, ships",2,ug-eng', "Ops,,0,ug-ops"],
    after: { sort: "members" },
  },
  {
    path: "jumpcloud/system-groups",
    route: () => import("../../app/api/jumpcloud/system-groups/export/route"),
    action: "jumpcloud.group.exported",
    qs: "",
    lines: ["name,description,members,jumpcloudId", "Macs,,0,sg-macs"],
    after: { sort: "name" },
  },
  {
    path: "trugrid/users",
    route: () => import("../../app/api/trugrid/users/export/route"),
    action: "trugrid.user.exported",
    qs: "mfa=on",
    lines: [
      "upn,mfa,mfaSetAt,mfaSetBy,mfaResetAt,mfaResetBy,udp,udpSetAt,udpSetBy,webIp,desktopIp,mobileIp,machines," +
        "readFromTrugrid",
      "ann@exports.example,on,2026-01-04T09:30:00.000Z,op@console.example,,,unknown,,,203.0.113.7,,,0," +
        "2026-01-03T09:30:00.000Z",
    ],
    after: { mfa: "on" },
    bad: ["udp=half", "udp"],
  },
  {
    path: "twingate/devices",
    route: () => import("../../app/api/twingate/devices/export/route"),
    action: "twingate.device.exported",
    qs: "state=ACTIVE&sort=name&dir=desc",
    lines: [
      "name,hostname,serialNumber,userEmail,state,trusted,deviceType,os,osVersion,clientVersion,lastSignIn",
      "charlie,,,,ACTIVE,no,,MAC_OS,,,2026-01-05T09:30:00.000Z",
      "alpha,,,ann@x.example,ACTIVE,yes,,,,,2026-01-05T09:30:00.000Z",
    ],
    after: { state: "ACTIVE", dir: "desc" },
    bad: ["trusted=perhaps", "trusted"],
  },
  {
    path: "truu/users",
    route: () => import("../../app/api/truu/users/export/route"),
    action: "truu.user.exported",
    qs: "devices=yes",
    lines: [
      "upn,displayName,email,devices,bestAssurance,lastSynced,enrolled,userGuid",
      "ann@exports.example,ANN,,1,Trusted,,2026-01-06T09:30:00.000Z,guid-ann",
    ],
    after: { hasDevices: true },
    bad: ["devices=lots", "devices"],
  },
  {
    path: "truu/assets",
    route: () => import("../../app/api/truu/assets/export/route"),
    action: "truu.asset.exported",
    qs: "type=WINDOWS_AGENT",
    lines: [
      "machineName,displayName,type,manufacturer,model,processor,serialNumber,ipAddresses,macAddresses," +
        "enrolledAccounts,lastHeardFrom",
      "WS-01,,WINDOWS_AGENT,Dell,,,SN1,10.0.0.5 10.0.0.6,00:11:22:33:44:55,ann@exports.example,2026-01-07T10:00:00Z",
    ],
    after: { type: "WINDOWS_AGENT" },
    bad: ["type=LINUX_AGENT", "type"],
  },
];

describe("table CSV exports", () => {
  it.each(CASES)("$path: the filtered rows in the table's order, an audit event, tenant B refused", async (c) => {
    const res = await get(c, `tenantId=${tenantA.id}&${c.qs}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const file = `${c.path.replace("/", "-")}-\\d{4}-\\d{2}-\\d{2}\\.csv`;
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${file}"$`));
    expect((await res.text()).trim().split("\r\n")).toEqual(c.lines);
    expect(await lastEvent()).toMatchObject({
      action: c.action,
      outcome: "success",
      actorId: actor?.id,
      tenantId: tenantA.id,
      after: c.after,
    });

    const refused = await get(c, `tenantId=${tenantB.id}&${c.qs}`);
    expect(refused.status).toBe(404);
    expect(await lastEvent()).toMatchObject({ action: c.action, outcome: "denied", tenantId: tenantB.id });

    if (c.bad) {
      const exports = () => t.db.auditEvent.count({ where: { action: c.action, outcome: "success" } });
      const before = await exports();
      const bad = await get(c, `tenantId=${tenantA.id}&${c.bad[0]}`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ param: c.bad[1] });
      expect(await exports()).toBe(before);
    }
  });

  it("jumpcloud/systems: an OS no system of the tenant runs is ignored, as the page ignores it", async () => {
    const systems = CASES.find((c) => c.path === "jumpcloud/systems")!;
    const res = await get(systems, `tenantId=${tenantA.id}&os=Solaris&sort=name`);
    const names = (await res.text())
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
    expect(names).toEqual(["Mac one", "Mac two", "Win"]);
  });
});
