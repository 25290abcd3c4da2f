import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildDirectory } from "../../sim/core/directory";
import { type SimFleet, startSimFleet } from "../../sim/fleet";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff } from "../../test/factories";
import type { Staff } from "../auth/staff";
import { seedDemoTenants } from "../bootstrap/demo-tenants";
import { applyBulkJob } from "../bulk/apply";
import { createPgPool } from "../db/pg-pool";
import { runSync } from "../sync/run-sync";
import { VENDOR_SYNCS } from "../sync/vendors";
import { clientsFor } from "../vendors/clients";
import type { VendorId } from "../vendors/connection-fields";
import { loadConnection } from "../vendors/load-connection";
import { planOffboarding, planOffboardingCsv } from "./plan";
import { latestVerification, type Verification } from "./verify";

// The console actions (the undo inverses) read the session and the app's
// database: the session is the test's acting staff member, the database is
// this test's own.
let actor: Staff | null = null;
vi.mock("../auth/session", () => ({
  currentStaff: async () => actor,
  requestMeta: async () => ({ ip: "198.51.100.7", userAgent: "vitest" }),
  requireStaff: async () => actor,
}));

let t: TestDatabase;
let pool: pg.Pool;
let fleet: SimFleet;
let tenantId: string;
let admin: Staff;
let operator: Staff;
let viewer: Staff;

const VENDORS: VendorId[] = ["trugrid", "truu", "twingate", "jumpcloud"];
const enc = (s: string) => new TextEncoder().encode(s);
const rowsOf = (jobId: string) => t.db.bulkRow.findMany({ where: { jobId }, orderBy: { line: "asc" } });
const actions = () => import("./actions");

async function syncAll() {
  for (const vendor of VENDORS) {
    const run = await t.db.syncRun.create({ data: { tenantId, vendor, trigger: "test" } });
    await runSync({ db: t.db, pool, runId: run.id, syncs: VENDOR_SYNCS });
    expect((await t.db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("succeeded");
  }
}

async function client<V extends VendorId>(vendor: V) {
  const c = (await loadConnection(t.db, tenantId, vendor))!;
  return clientsFor[vendor](c) as ReturnType<(typeof clientsFor)[V]>;
}

async function confirmAndApply(jobId: string) {
  await t.db.bulkJob.update({
    where: { id: jobId },
    data: { status: "queued", confirmedById: admin.id, confirmedAt: new Date() },
  });
  return applyBulkJob(t.db, jobId);
}

/**
 * Someone known to all four vendors with an association, groups and devices in each: not a TruGrid admin (TruGrid
 * refuses MFA off for those).
 */
async function fullyKnownPeople() {
  const people = buildDirectory("small")[0]!
    .people.filter((p) => !p.isAdmin)
    .map((p) => p.upn.toLowerCase());
  const out: string[] = [];
  for (const e of people) {
    const [tg, jc, tw, truu, twd, assoc] = await Promise.all([
      t.db.trugridUser.count({ where: { tenantId, emailNorm: e, deletedAt: null } }),
      t.db.jumpcloudUser.findFirst({ where: { tenantId, emailNorm: e, deletedAt: null } }),
      t.db.twingateUser.count({ where: { tenantId, emailNorm: e, deletedAt: null } }),
      t.db.truuDevice.count({ where: { tenantId, userEmailNorm: e, deletedAt: null } }),
      t.db.twingateDevice.count({ where: { tenantId, userEmailNorm: e, deletedAt: null } }),
      t.db.vendorEdge.count({
        where: {
          tenantId,
          vendor: "trugrid",
          kind: "machine_association",
          fromId: { equals: e, mode: "insensitive" },
          deletedAt: null,
        },
      }),
    ]);
    const groups = jc
      ? await t.db.vendorEdge.count({
          where: { tenantId, vendor: "jumpcloud", kind: "user_group_member", toId: jc.vendorId, deletedAt: null },
        })
      : 0;
    const systems = jc
      ? await t.db.vendorEdge.count({
          where: { tenantId, vendor: "jumpcloud", kind: "association", fromId: `user:${jc.vendorId}`, deletedAt: null },
        })
      : 0;
    const twUser = await t.db.twingateUser.findFirst({ where: { tenantId, emailNorm: e, deletedAt: null } });
    const twGroups = twUser
      ? await t.db.vendorEdge.count({
          where: { tenantId, vendor: "twingate", kind: "group_member", toId: twUser.vendorId, deletedAt: null },
        })
      : 0;
    if (tg && jc?.state === "ACTIVATED" && tw && truu && twd && assoc && groups && systems && twGroups) out.push(e);
  }
  return out;
}

beforeAll(async () => {
  process.env.SIM_TWINGATE_WRITES_PER_MINUTE = "100000";
  process.env.SIM_TWINGATE_READS_PER_MINUTE = "100000";
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  pool = createPgPool(t.url, 4);
  fleet = await startSimFleet({ size: "small", ports: { trugrid: 0, truu: 0, twingate: 0, jumpcloud: 0 } });
  await seedDemoTenants(t.db, fleet.tenants);
  tenantId = (await t.db.tenant.findFirstOrThrow({ where: { isDemo: true } })).id;
  admin = await makeStaff(t.db, { role: "admin", tenantIds: [tenantId] });
  operator = await makeStaff(t.db, { role: "operator", tenantIds: [tenantId] });
  viewer = await makeStaff(t.db, { role: "viewer", tenantIds: [tenantId] });
  await syncAll();
}, 180_000);

afterAll(async () => {
  await pool?.end();
  await fleet?.stop();
  await t?.drop();
});

describe("offboarding runbook", () => {
  it(
    "plans one row per step per vendor a person is known to, matched across case and header aliases; " +
      "unknown, duplicate and invalid people are errors",
    async () => {
      const p1 = (await fullyKnownPeople())[0]!;
      const p2 = (await fullyKnownPeople())[1]!;
      // p2 is known to JumpCloud only, as far as the cache says.
      await t.db.trugridUser.updateMany({ where: { tenantId, emailNorm: p2 }, data: { deletedAt: new Date() } });
      await t.db.twingateUser.updateMany({ where: { tenantId, emailNorm: p2 }, data: { deletedAt: new Date() } });
      await t.db.twingateDevice.updateMany({ where: { tenantId, userEmailNorm: p2 }, data: { deletedAt: new Date() } });
      await t.db.truuDevice.updateMany({ where: { tenantId, userEmailNorm: p2 }, data: { deletedAt: new Date() } });
      try {
        const csv =
          `UserPrincipalName\n${p1.toUpperCase()}\n${p2}\nghost@nowhere.example\n${p1}\n` +
          'not-an-email\nSmith, Jo\nbo"b@x.example\n';
        const res = await planOffboardingCsv(t.db, {
          tenantId,
          staffId: admin.id,
          fileName: "leavers.csv",
          bytes: enc(csv),
        });
        expect(res.ok).toBe(true);
        const jobId = (res as { jobId: string }).jobId;
        const rows = await rowsOf(jobId);
        const errors = rows.filter((r) => r.plan === "error").map((r) => r.planError);
        expect(errors).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^Unknown person: ghost@nowhere.example/),
            "Duplicate of row 2 in this file.",
            expect.stringMatching(/Not a valid UPN or email/),
            // Lines the file cannot read name their line (the plan's rows are numbered by step).
            "Line 7: 2 cells where the header has 1",
            "Line 8: a quote inside an unquoted cell",
          ]),
        );
        expect(rows.find((r) => r.planError === "Line 7: 2 cells where the header has 1")?.input).toEqual({
          person: "Smith ·  Jo",
        });
        const stepsOf = (e: string) =>
          rows
            .filter((r) => (r.input as { person?: string }).person?.toLowerCase() === e && r.plan !== "error")
            .map((r) => r.operation);
        const p1Steps = new Set(stepsOf(p1));
        expect([...p1Steps]).toEqual([
          "jumpcloud.user.suspended",
          "twingate.user.state_changed",
          "trugrid.mfa.turned_off",
          "trugrid.machine_association.removed",
          "jumpcloud.group.member_removed",
          "jumpcloud.association.removed",
          "twingate.group.members_removed",
          "twingate.device.blocked",
          "truu.device.deleted",
        ]);
        expect(new Set(stepsOf(p2))).toEqual(
          new Set(["jumpcloud.user.suspended", "jumpcloud.group.member_removed", "jumpcloud.association.removed"]),
        );
        // Steps are numbered step by step: every identity is suspended before any device is touched.
        const order = rows.filter((r) => r.operation).map((r) => [...p1Steps].indexOf(r.operation!));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        const truu = rows.filter((r) => r.operation === "truu.device.deleted");
        expect(truu.every((r) => r.plan === "update" && r.after === null)).toBe(true);
        expect(
          rows.find(
            (r) =>
              r.operation === "jumpcloud.user.suspended" && (r.input as { person: string }).person === p1.toUpperCase(),
          ),
        ).toMatchObject({
          plan: "update",
          before: { state: "ACTIVATED" },
          after: { state: "SUSPENDED" },
        });
        // Nothing was sent.
        expect(
          (
            await (
              await client("jumpcloud")
            ).getUser((await t.db.jumpcloudUser.findFirstOrThrow({ where: { tenantId, emailNorm: p1 } })).vendorId)
          ).state,
        ).toBe("ACTIVATED");
      } finally {
        await syncAll();
      }
    },
  );

  it(
    "applies every step at the vendors with per-step results, keeps the cache in step, " +
      "then undoes the reversible steps",
    async () => {
      const p = (await fullyKnownPeople())[2]!;
      const jcUser = await t.db.jumpcloudUser.findFirstOrThrow({ where: { tenantId, emailNorm: p } });
      const twUser = await t.db.twingateUser.findFirstOrThrow({ where: { tenantId, emailNorm: p } });
      const twDevices = await t.db.twingateDevice.findMany({ where: { tenantId, userEmailNorm: p, deletedAt: null } });
      const truuDevices = await t.db.truuDevice.findMany({ where: { tenantId, userEmailNorm: p, deletedAt: null } });
      const assocs = await t.db.vendorEdge.findMany({
        where: {
          tenantId,
          vendor: "trugrid",
          kind: "machine_association",
          fromId: { equals: p, mode: "insensitive" },
          deletedAt: null,
        },
        orderBy: { toId: "asc" },
      });
      const assoc = assocs[0];
      const jcGroups = await t.db.vendorEdge.findMany({
        where: { tenantId, vendor: "jumpcloud", kind: "user_group_member", toId: jcUser.vendorId, deletedAt: null },
      });
      const jcBindings = await t.db.vendorEdge.findMany({
        where: {
          tenantId,
          vendor: "jumpcloud",
          kind: "association",
          fromId: `user:${jcUser.vendorId}`,
          toId: { startsWith: "system:" },
          deletedAt: null,
        },
      });
      // Everyone (the system group) is left: it cannot be edited, and the user is disabled.
      const everyone = await t.db.vendorObject.findFirstOrThrow({
        where: { tenantId, vendor: "twingate", kind: "group", attributes: { path: ["type"], equals: "SYSTEM" } },
      });
      const twGroups = await t.db.vendorEdge.findMany({
        where: {
          tenantId,
          vendor: "twingate",
          kind: "group_member",
          toId: twUser.vendorId,
          fromId: { not: everyone.vendorId },
          deletedAt: null,
        },
      });
      const boundSystems = async () =>
        (await (await client("jumpcloud")).listAssociations("users", jcUser.vendorId, ["system"])).items.map(
          (a) => a.to.id,
        );
      const twGroupsAt = async () =>
        (await (await client("twingate")).user(twUser.vendorId))!.groups.edges.map((g) => g.node.id);
      const tgc = await client("trugrid");
      const othersBefore = (await tgc.getMachineAssociations({ groupName: assoc!.toId })).filter(
        (a) => a.userUpn.toLowerCase() !== p,
      );

      const person = await t.db.person.findFirstOrThrow({ where: { tenantId, emailNorm: p } });
      // Only admins may offboard: an operator's and a viewer's calls are refused and audited as denied.
      for (const who of [operator, viewer]) {
        actor = who;
        const denied = await (await actions()).planPersonOffboarding({ tenantId, personId: person.id });
        expect(denied).toMatchObject({ ok: false, error: expect.stringMatching(/may not do this: it needs admin/) });
      }
      expect(await t.db.auditEvent.count({ where: { action: "offboarding.planned", outcome: "denied" } })).toBe(2);
      expect(await t.db.bulkJob.count({ where: { operation: "offboarding", fileName: p } })).toBe(0);

      actor = admin;
      const planned = await (await actions()).planPersonOffboarding({ tenantId, personId: person.id });
      expect(planned.ok).toBe(true);
      const jobId = (planned as { data: { jobId: string } }).data.jobId;
      expect(await confirmAndApply(jobId)).toBe("completed");
      const rows = await rowsOf(jobId);
      const sent = rows.filter((r) => r.plan === "update");
      expect(sent.length).toBe(
        3 +
          assocs.length +
          jcGroups.length +
          jcBindings.length +
          twGroups.length +
          twDevices.length +
          truuDevices.length,
      );
      for (const r of sent)
        expect([r.operation, r.status, r.vendorMessage]).toEqual([r.operation, "succeeded", expect.any(String)]);
      expect(
        rows.find(
          (r) =>
            r.operation === "trugrid.machine_association.removed" &&
            (r.input as { groupName: string }).groupName === assoc!.toId,
        )!.vendorMessage,
      ).toMatch(new RegExp(`removed from ${assoc!.toId}; ${othersBefore.length} other association`));

      // At the vendors.
      const jc = await client("jumpcloud");
      const tw = await client("twingate");
      const truu = await client("truu");
      expect((await jc.getUser(jcUser.vendorId)).state).toBe("SUSPENDED");
      expect((await tw.user(twUser.vendorId))!.state).toBe("DISABLED");
      for (const d of twDevices) expect((await tw.device(d.vendorId))!.activeState).toBe("BLOCKED");
      for (const d of truuDevices)
        await expect(truu.getUserDevice(d.userGuid!, d.vendorId)).rejects.toMatchObject({ status: 404 });
      expect(await tgc.getMachineAssociations({ userUpn: p })).toEqual([]);
      // The other users of the group keep their machines.
      const othersAfter = await tgc.getMachineAssociations({ groupName: assoc!.toId });
      expect(othersAfter.map((a) => `${a.userUpn}|${a.machineName}`).sort()).toEqual(
        othersBefore.map((a) => `${a.userUpn}|${a.machineName}`).sort(),
      );
      for (const g of jcGroups) {
        const members = await jc.listGroupMembers("user", g.fromId);
        expect(members.items.map((m) => m.to.id)).not.toContain(jcUser.vendorId);
      }
      expect(await boundSystems()).toEqual([]);
      const groupsLeft = await twGroupsAt();
      for (const g of twGroups) expect(groupsLeft).not.toContain(g.fromId);

      // The last step read every vendor back: nothing remains at any of them.
      const verified = await t.db.auditEvent.findFirstOrThrow({ where: { jobId, action: "offboarding.verified" } });
      expect(verified.actorId).toBe(admin.id);
      const verdicts = (verified.after as unknown as Verification).people;
      expect(verdicts.map((v) => v.person)).toEqual([p]);
      expect(verdicts[0]!.vendors.map((v) => [v.vendor, v.status, v.remains])).toEqual(
        VENDORS.map((v) => [v, "clear", []]),
      );

      // In the cache, as the sync would write it.
      expect((await t.db.jumpcloudUser.findFirstOrThrow({ where: { id: jcUser.id } })).state).toBe("SUSPENDED");
      expect((await t.db.twingateUser.findFirstOrThrow({ where: { id: twUser.id } })).state).toBe("DISABLED");
      expect(
        (await t.db.twingateDevice.findMany({ where: { id: { in: twDevices.map((d) => d.id) } } })).map(
          (d) => d.activeState,
        ),
      ).toEqual(twDevices.map(() => "BLOCKED"));
      expect(
        await t.db.truuDevice.count({ where: { id: { in: truuDevices.map((d) => d.id) }, deletedAt: null } }),
      ).toBe(0);
      expect(await t.db.vendorEdge.count({ where: { id: { in: assocs.map((a) => a.id) }, deletedAt: null } })).toBe(0);
      expect(
        await t.db.vendorEdge.count({
          where: { tenantId, vendor: "trugrid", kind: "machine_association", toId: assoc!.toId, deletedAt: null },
        }),
      ).toBe(othersBefore.length);
      expect(await t.db.vendorEdge.count({ where: { id: { in: jcGroups.map((g) => g.id) }, deletedAt: null } })).toBe(
        0,
      );
      expect(
        await t.db.vendorEdge.count({
          where: { id: { in: [...jcBindings, ...twGroups].map((g) => g.id) }, deletedAt: null },
        }),
      ).toBe(0);

      // The next sync finds the cache as the vendors have it: no drift reported.
      const since = new Date();
      await syncAll();
      expect(
        await t.db.auditEvent.findMany({
          where: { action: { endsWith: ".changed_externally" }, at: { gte: since } },
          select: { action: true, targets: true, before: true, after: true },
        }),
      ).toEqual([]);

      // One audit event per step row, linked to the job.
      const events = await t.db.auditEvent.findMany({
        where: { jobId, action: { not: "offboarding.verified" } },
        orderBy: { seq: "asc" },
      });
      expect(events.map((e) => e.action)).toEqual(
        sent.map(
          (r) =>
            ({
              "jumpcloud.user.suspended": "jumpcloud.user.suspended",
              "twingate.user.state_changed": "twingate.user.state_changed",
              "trugrid.mfa.turned_off": "trugrid.mfa.turned_off",
              "trugrid.machine_association.removed": "trugrid.machine_association.removed",
              "jumpcloud.group.member_removed": "jumpcloud.group.member_removed",
              "jumpcloud.association.removed": "jumpcloud.association.removed",
              "twingate.group.members_removed": "twingate.group.members_removed",
              "twingate.device.blocked": "twingate.device.blocked",
              "truu.device.deleted": "truu.device.deleted",
            })[r.operation!],
        ),
      );
      // Each names its targets and values as the matching console action does.
      const eventsOf = (action: string) => events.filter((e) => e.action === action);
      for (const e of [...eventsOf("trugrid.mfa.turned_off"), ...eventsOf("trugrid.machine_association.removed")]) {
        expect(e.targets).toEqual([{ type: "trugrid_user", id: p, label: expect.any(String) }]);
      }
      for (const e of eventsOf("jumpcloud.group.member_removed"))
        expect(e.targets).toContainEqual({ type: "jumpcloud_user", id: jcUser.vendorId, label: expect.any(String) });
      expect(eventsOf("truu.device.deleted")).toHaveLength(truuDevices.length);
      for (const d of truuDevices) {
        expect(
          eventsOf("truu.device.deleted").find((e) => (e.targets as { id: string }[])[0]!.id === d.vendorId),
        ).toMatchObject({
          targets: [
            { type: "truu_device", id: d.vendorId, label: d.deviceName ?? d.vendorId },
            { type: "truu_user", id: d.userGuid, label: d.userUpn },
          ],
          before: { deviceName: d.deviceName, userUpn: d.userUpn, active: d.active },
          after: { deleted: true, active: expect.any(Boolean) },
        });
      }

      // Planned again, every step is already done: nothing to send.
      const again = await planOffboarding(t.db, {
        tenantId,
        staffId: admin.id,
        fileName: "again",
        people: [{ line: 1, value: p.toUpperCase() }],
      });
      expect(again).toMatchObject({ ok: true, counts: { update: 0, create: 0, error: 0 } });
      expect((again as { counts: { no_change: number } }).counts.no_change).toBeGreaterThanOrEqual(5);

      // Undo every reversible step: the vendors and the cache are as before; the TruU deletes stay.
      const undo = await (await actions()).undoOffboarding({ tenantId, jobId });
      expect(undo).toMatchObject({ ok: true, data: { undone: sent.length - truuDevices.length, failed: [] } });
      expect((await jc.getUser(jcUser.vendorId)).state).toBe("ACTIVATED");
      expect((await tw.user(twUser.vendorId))!.state).toBe("ACTIVE");
      for (const d of twDevices) expect((await tw.device(d.vendorId))!.activeState).toBe("ACTIVE");
      expect(
        (await tgc.getMachineAssociations({ userUpn: p })).map((a) => [a.groupName, a.machineName]).sort(),
      ).toEqual(assocs.map((a) => [a.toId, (a.attributes as { machineName: string }).machineName]).sort());
      for (const g of jcGroups)
        expect((await jc.listGroupMembers("user", g.fromId)).items.map((m) => m.to.id)).toContain(jcUser.vendorId);
      expect((await t.db.jumpcloudUser.findFirstOrThrow({ where: { id: jcUser.id } })).state).toBe("ACTIVATED");
      expect((await t.db.twingateUser.findFirstOrThrow({ where: { id: twUser.id } })).state).toBe("ACTIVE");
      expect(
        (await t.db.twingateDevice.findMany({ where: { id: { in: twDevices.map((d) => d.id) } } })).map(
          (d) => d.activeState,
        ),
      ).toEqual(twDevices.map(() => "ACTIVE"));
      expect(
        await t.db.vendorEdge.count({
          where: {
            tenantId,
            vendor: "trugrid",
            kind: "machine_association",
            fromId: { equals: p, mode: "insensitive" },
            deletedAt: null,
          },
        }),
      ).toBe(assocs.length);
      expect(await t.db.vendorEdge.count({ where: { id: { in: jcGroups.map((g) => g.id) }, deletedAt: null } })).toBe(
        jcGroups.length,
      );
      expect((await t.db.trugridUserState.findFirstOrThrow({ where: { tenantId, upn: p } })).mfaOn).toBe(true);
      expect((await boundSystems()).sort()).toEqual(jcBindings.map((b) => b.toId.slice("system:".length)).sort());
      expect(await twGroupsAt()).toEqual(expect.arrayContaining(twGroups.map((g) => g.fromId)));
      expect(
        await t.db.vendorEdge.count({
          where: { id: { in: [...jcBindings, ...twGroups].map((g) => g.id) }, deletedAt: null },
        }),
      ).toBe(jcBindings.length + twGroups.length);

      // Read back again, every vendor shows what the undo gave back; a vendor that cannot be read says why.
      const jcConn = (await loadConnection(t.db, tenantId, "jumpcloud"))!;
      const faults = (f: Record<string, number>) =>
        fetch(`${jcConn.baseUrl}/__sim/faults`, { method: "PUT", body: JSON.stringify(f) });
      actor = operator;
      expect(await (await actions()).verifyOffboarding({ tenantId, jobId })).toMatchObject({ ok: false });
      actor = admin;
      await faults({ errorRate: 1 });
      try {
        expect(await (await actions()).verifyOffboarding({ tenantId, jobId })).toMatchObject({
          ok: true,
          data: { remains: 2, unread: 1, clear: 1 },
        });
      } finally {
        await faults({ errorRate: 0 });
      }
      const reread = await (await actions()).verifyOffboarding({ tenantId, jobId });
      expect(reread).toMatchObject({ ok: true, data: { remains: 3, unread: 0, clear: 1 } });
      const latest = (await latestVerification(t.db, jobId))!.people[0]!.vendors;
      const at = (v: string) => latest.find((x) => x.vendor === v)!;
      expect(at("jumpcloud").remains.map((r) => r.what)).toEqual(
        expect.arrayContaining([
          `JumpCloud user ${jcUser.email} is ACTIVATED.`,
          expect.stringMatching(/is in the JumpCloud user group /),
          expect.stringMatching(/is bound to the system /),
        ]),
      );
      expect(at("twingate").remains).toEqual(
        expect.arrayContaining([
          { what: expect.stringMatching(/is in the Twingate group /), why: expect.stringMatching(/identity provider/) },
          { what: expect.stringMatching(/'s device .* is active\.$/) },
        ]),
      );
      expect(at("trugrid").remains.length).toBe(assocs.length);
      // The deleted TruU devices stay deleted.
      expect(at("truu")).toMatchObject({ status: "clear", remains: [] });
      expect(await t.db.auditEvent.count({ where: { action: "offboarding.verified", outcome: "denied" } })).toBe(1);

      // Undone once only.
      expect(await (await actions()).undoOffboarding({ tenantId, jobId })).toMatchObject({
        ok: false,
        error: "Nothing left to undo in this job.",
      });
    },
  );

  it(
    "a vendor refusing a step fails that step with the vendor's words; " + "the other vendors' steps still run",
    async () => {
      const people = await fullyKnownPeople();
      const p = people.at(-1)!;
      const jcConn = (await loadConnection(t.db, tenantId, "jumpcloud"))!;
      const faults = (f: Record<string, number>) =>
        fetch(`${jcConn.baseUrl}/__sim/faults`, { method: "PUT", body: JSON.stringify(f) });
      const res = await planOffboarding(t.db, {
        tenantId,
        staffId: admin.id,
        fileName: "one",
        people: [{ line: 1, value: p }],
      });
      const jobId = (res as { jobId: string }).jobId;
      await faults({ errorRate: 1 });
      try {
        expect(await confirmAndApply(jobId)).toBe("completed");
      } finally {
        await faults({ errorRate: 0 });
      }
      const rows = (await rowsOf(jobId)).filter((r) => r.plan === "update");
      for (const r of rows) {
        if (r.operation!.includes("jumpcloud"))
          expect(r).toMatchObject({
            status: "failed",
            vendorMessage: expect.stringMatching(/^JumpCloud answered: .*HTTP 5\d\d/),
          });
        else expect(r.status).toBe("succeeded");
      }
      expect((await t.db.jumpcloudUser.findFirstOrThrow({ where: { tenantId, emailNorm: p } })).state).toBe(
        "ACTIVATED",
      );
    },
  );
  it(
    "two people of one TruGrid machine group leave in one job: both associations go, " +
      "everyone else's are set again",
    async () => {
      const people = await fullyKnownPeople();
      const edges = await t.db.vendorEdge.findMany({
        where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null },
        select: { fromId: true, toId: true },
      });
      const byGroup = new Map<string, string[]>();
      for (const e of edges)
        if (people.includes(e.fromId.toLowerCase()))
          byGroup.set(e.toId, [...(byGroup.get(e.toId) ?? []), e.fromId.toLowerCase()]);
      const [group, members] = [...byGroup].find(([, m]) => m.length >= 2)!;
      const pair = members.slice(0, 2);
      const tgc = await client("trugrid");
      const othersBefore = (await tgc.getMachineAssociations({ groupName: group })).filter(
        (a) => !pair.includes(a.userUpn.toLowerCase()),
      );
      expect(othersBefore.length).toBeGreaterThan(0);
      const res = await planOffboarding(t.db, {
        tenantId,
        staffId: admin.id,
        fileName: "pair",
        people: pair.map((value, k) => ({ line: k + 2, value })),
      });
      const jobId = (res as { jobId: string }).jobId;
      expect(await confirmAndApply(jobId)).toBe("completed");
      const rows = (await rowsOf(jobId)).filter(
        (r) =>
          r.operation === "trugrid.machine_association.removed" &&
          (r.input as { groupName?: string }).groupName === group,
      );
      expect(rows.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
      const after = await tgc.getMachineAssociations({ groupName: group });
      expect(after.map((a) => `${a.userUpn}|${a.machineName}`).sort()).toEqual(
        othersBefore.map((a) => `${a.userUpn}|${a.machineName}`).sort(),
      );
      expect(
        await t.db.vendorEdge.count({
          where: { tenantId, vendor: "trugrid", kind: "machine_association", toId: group, deletedAt: null },
        }),
      ).toBe(othersBefore.length);
    },
  );
});
