import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TwingateSim } from "../../sim/twingate";
import { type BulkHarness, twingateBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, nextPacerMinute, planConfirmed, putSimFaults } from "../../test/bulk-jobs";
import type { SyncHarness } from "../../test/sync-harness";
import addAccess from "../operations/twingate/add-resource-access";
import createGroup from "../operations/twingate/create-group";
import createUser from "../operations/twingate/create-user";
import removeAccess from "../operations/twingate/remove-resource-access";
import type { UndoableEvent } from "../undo/inverse";
import { applyBulkJob } from "./apply";
import { bulkOperation } from "./catalogue";
import { planBulkJob } from "./plan";

let harness: BulkHarness<TwingateSim>;
let sim: TwingateSim;
let url: string;
let h: SyncHarness;
let staffId: string;

const enc = (s: string) => new TextEncoder().encode(s);
const simUsers = () => [...sim.state.users.values()];
const rowsOf = (jobId: string) => bulkRowsOf(h.t.db, jobId);
const setFaults = (f: Record<string, number>) => putSimFaults(url, f);

const planAndConfirm = (operationId: string, csv: string) =>
  planConfirmed(h.t.db, { tenantId: h.tenantId, staffId, operationId, csv });

beforeAll(async () => {
  harness = await twingateBulkHarness("operator");
  ({ sim, url, h, staffId } = harness);
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => nextPacerMinute(h.t.db));

describe("Twingate bulk user state", () => {
  it(
    "plans unknown, invalid, unchanged and duplicate rows, then disables the rest at Twingate, " +
      "audits them and updates the cache",
    async () => {
      const active = simUsers().filter((u) => u.state === "ACTIVE" && u.role !== "ADMIN");
      expect(active.length).toBeGreaterThanOrEqual(3);
      const [a, b, c] = active;
      const csv =
        `Email,Status\n${a!.email},disabled\n${b!.email.toUpperCase()},Suspended\n` +
        `${c!.email},active\nghost@nowhere.example,disabled\n${a!.email},disabled\n` +
        `${c!.email.replace("@", "")},disabled\n${b!.email},frozen\n`;
      const res = await planAndConfirm("twingate.user.state_changed", csv);
      expect(res).toMatchObject({ counts: { update: 2, no_change: 1, error: 4, duplicate: 1 } });
      const rows = await rowsOf(res.jobId);
      expect(rows.map((r) => r.plan)).toEqual(["update", "update", "no_change", "error", "error", "error", "error"]);
      expect(rows[0]).toMatchObject({
        before: { state: "ACTIVE", userId: a!.id },
        after: { state: "DISABLED", userId: a!.id },
      });
      expect(rows[3]!.planError).toMatch(/^Unknown user: ghost@nowhere.example/);
      expect(rows[4]!.planError).toBe("Duplicate of row 2 in this file.");
      expect(rows[5]!.planError).toMatch(/^email: Not a valid UPN or email/);
      expect(rows[6]!.planError).toMatch(/state must be active or disabled/);
      // Planning sends nothing.
      expect([a!.state, b!.state]).toEqual(["ACTIVE", "ACTIVE"]);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      const done = await rowsOf(res.jobId);
      expect(done.slice(0, 2)).toMatchObject([
        { status: "succeeded", vendorMessage: `Twingate: ${a!.email} is DISABLED.` },
        { status: "succeeded", vendorMessage: `Twingate: ${b!.email} is DISABLED.` },
      ]);
      expect([a!.state, b!.state, c!.state]).toEqual(["DISABLED", "DISABLED", "ACTIVE"]);

      const events = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId }, orderBy: { seq: "asc" } });
      expect(events).toHaveLength(2);
      for (const e of events)
        expect(e).toMatchObject({
          action: "twingate.user.state_changed",
          outcome: "success",
          before: { state: "ACTIVE" },
          after: { state: "DISABLED" },
        });
      // The users page's undo reads the Twingate user id from the target.
      expect(
        events.map((e) => (e.targets as { type: string; id: string }[])[0]).sort((x, y) => x!.id.localeCompare(y!.id)),
      ).toEqual(
        [a, b]
          .map((u) => ({ type: "twingate_user", id: u!.id, label: expect.any(String) }))
          .sort((x, y) => x.id.localeCompare(y.id)),
      );

      const cached = await h.t.db.twingateUser.findMany({
        where: { tenantId: h.tenantId, vendorId: { in: [a!.id, b!.id] } },
      });
      expect(cached.map((u) => u.state)).toEqual(["DISABLED", "DISABLED"]);
      expect(cached.map((u) => (u.raw as { state: string }).state)).toEqual(["DISABLED", "DISABLED"]);
      // The user as Twingate answered, as the sync would write it: Twingate's updatedAt too, not the last sync's.
      for (const u of [a, b]) {
        const row = cached.find((c) => c.vendorId === u!.id);
        expect((row!.raw as { updatedAt: string }).updatedAt, u!.email).toBe(u!.updatedAt);
      }

      // The next sync finds the cache already as Twingate has it: no drift for these users.
      const driftBefore = await h.t.db.auditEvent.count({ where: { action: "twingate.user.changed_externally" } });
      expect((await h.run()).status).toBe("succeeded");
      expect(await h.t.db.auditEvent.count({ where: { action: "twingate.user.changed_externally" } })).toBe(
        driftBefore,
      );

      // Restoring them is planned as an update and goes back to ACTIVE.
      const back = await planAndConfirm(
        "twingate.user.state_changed",
        `user,state\n${a!.email},active\n${b!.email},active\n`,
      );
      expect(back.counts).toMatchObject({ update: 2 });
      expect(await applyBulkJob(h.t.db, back.jobId)).toBe("completed");
      expect([a!.state, b!.state]).toEqual(["ACTIVE", "ACTIVE"]);
    },
  );

  it("a Twingate failure fails the row with Twingate's words and changes nothing", async () => {
    const u = simUsers().find((x) => x.state === "ACTIVE" && x.role !== "ADMIN")!;
    const { jobId } = await planAndConfirm("twingate.user.state_changed", `email,state\n${u.email},disabled\n`);
    await setFaults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    const [row] = await rowsOf(jobId);
    expect(row).toMatchObject({
      status: "failed",
      vendorMessage: expect.stringMatching(/^Twingate answered: .*HTTP 5\d\d/),
    });
    expect(u.state).toBe("ACTIVE");
    expect(
      (await h.t.db.twingateUser.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: u.id } })).state,
    ).toBe("ACTIVE");
    expect(await h.t.db.auditEvent.findFirst({ where: { jobId } })).toMatchObject({ outcome: "failure" });
  });
});

describe("Twingate bulk group membership", () => {
  it(
    "adds and removes users by email and group name, skips existing memberships, " +
      "audits in the groups page's shape and keeps the cache edges in step",
    async () => {
      const group = [...sim.state.groups.values()].find((g) => g.type === "MANUAL" && !g.everyone && g.isActive)!;
      expect(group).toBeDefined();
      const members = () => new Set(sim.state.groupUsers(group).map((u) => u.id));
      const [inside] = sim.state.groupUsers(group);
      const outside = simUsers()
        .filter((u) => !members().has(u.id))
        .slice(0, 2);
      expect(inside && outside.length === 2).toBe(true);

      const csv =
        `User,Group Name\n${outside[0]!.email},${group.name.toUpperCase()}\n` +
        `${outside[1]!.email},${group.name}\n${inside!.email},${group.name}\n` +
        `${outside[0]!.email},No Such Group\n`;
      const add = await planAndConfirm("twingate.group.members_added", csv);
      expect(add.counts).toMatchObject({ update: 2, no_change: 1, error: 1 });
      expect((await rowsOf(add.jobId))[3]!.planError).toMatch(/^Unknown group: No Such Group/);
      expect(await applyBulkJob(h.t.db, add.jobId)).toBe("completed");
      expect((await rowsOf(add.jobId)).slice(0, 2).map((r) => [r.status, r.vendorMessage])).toEqual(
        outside.map((u) => ["succeeded", `Twingate: ${u.email} added to ${group.name}.`]),
      );
      for (const u of outside) expect(members().has(u.id)).toBe(true);

      const edges = () =>
        h.t.db.vendorEdge.findMany({
          where: {
            tenantId: h.tenantId,
            vendor: "twingate",
            kind: "group_member",
            fromId: group.id,
            toId: { in: outside.map((u) => u.id) },
            deletedAt: null,
          },
        });
      expect(await edges()).toHaveLength(2);
      const events = await h.t.db.auditEvent.findMany({ where: { jobId: add.jobId } });
      expect(events).toHaveLength(2);
      for (const e of events)
        expect(e).toMatchObject({
          action: "twingate.group.members_added",
          outcome: "success",
          targets: [{ type: "twingate_group", id: group.id }],
        });
      expect(events.map((e) => (e.after as { added: string[] }).added[0]).sort()).toEqual(
        outside.map((u) => u.id).sort(),
      );

      // A sync now finds the memberships the cache already holds: no created edges.
      const before = await h.t.db.vendorEdge.count({
        where: { tenantId: h.tenantId, kind: "group_member", deletedAt: null },
      });
      expect((await h.run()).status).toBe("succeeded");
      expect(
        await h.t.db.vendorEdge.count({ where: { tenantId: h.tenantId, kind: "group_member", deletedAt: null } }),
      ).toBe(before);

      const remove = await planAndConfirm(
        "twingate.group.members_removed",
        `email,group\n${outside[0]!.email},${group.name}\n`,
      );
      expect(remove.counts).toMatchObject({ update: 1 });
      expect(await applyBulkJob(h.t.db, remove.jobId)).toBe("completed");
      expect(members().has(outside[0]!.id)).toBe(false);
      expect((await edges()).map((e) => e.toId)).toEqual([outside[1]!.id]);
      expect(await h.t.db.auditEvent.findFirst({ where: { jobId: remove.jobId } })).toMatchObject({
        action: "twingate.group.members_removed",
        after: { removed: [outside[0]!.id] },
      });
    },
  );
});

describe("Twingate bulk group membership across groups", () => {
  it(
    "sends one change per group in a chunk; a group Twingate refuses fails its own rows only, " + "in Twingate's words",
    async () => {
      const editable = [...sim.state.groups.values()].filter((g) => g.type !== "SYSTEM" && !g.everyone);
      const [open, refusing] = editable;
      if (!open || !refusing) throw new Error("two groups Twingate lets the console change needed");
      const kept = refusing.type;
      const outside = simUsers()
        .filter((u) => !open.userNs.has(u.n) && !refusing.userNs.has(u.n))
        .slice(0, 2);
      const [a, b] = outside;
      if (!a || !b) throw new Error("two users outside both groups needed");
      const csv = `email,group\n${a.email},${open.name}\n${b.email},${open.name}\n${a.email},${refusing.name}\n`;
      const add = await planAndConfirm("twingate.group.members_added", csv);
      expect(add.counts).toMatchObject({ update: 3 });
      const updates = async () =>
        ((await (await fetch(`${url}/__sim/requests`)).json()) as { byField: Record<string, number> }).byField
          .groupUpdate ?? 0;
      const updatesBefore = await updates();
      // Twingate keeps a system group itself: it refuses changes to its members.
      refusing.type = "SYSTEM";
      try {
        expect(await applyBulkJob(h.t.db, add.jobId)).toBe("completed");
      } finally {
        refusing.type = kept;
      }
      // One change for both users of the first group, one (refused) for the other.
      expect((await updates()) - updatesBefore).toBe(2);
      const rows = await rowsOf(add.jobId);
      expect(rows.map((r) => r.status)).toEqual(["succeeded", "succeeded", "failed"]);
      expect(rows[2]?.vendorMessage).toBe("Twingate refused: System groups cannot be changed or deleted.");
      expect([open.userNs.has(a.n), open.userNs.has(b.n), refusing.userNs.has(a.n)]).toEqual([true, true, false]);
      const events = await h.t.db.auditEvent.findMany({ where: { jobId: add.jobId }, orderBy: { seq: "asc" } });
      expect(events.map((e) => [e.outcome, e.after])).toEqual(
        expect.arrayContaining([
          ["success", { added: [a.id] }],
          ["success", { added: [b.id] }],
          ["failure", { added: [] }],
        ]),
      );
    },
  );
});

describe("Twingate bulk user roles", () => {
  it(
    "is for admins, as the users page's role change is; plans unknown, invalid, unchanged and duplicate rows; " +
      "sets roles, audits them so Undo applies, and updates the cache",
    async () => {
      expect(bulkOperation("twingate.user.role_changed")!.perm).toBe("twingate.network.write");
      const members = simUsers().filter((u) => u.role === "MEMBER");
      expect(members.length).toBeGreaterThanOrEqual(3);
      const [a, b, c] = members;
      const csv =
        `Email,Role\n${a!.email},Support\n${b!.email.toUpperCase()},devops\n${c!.email},member\n` +
        `ghost@nowhere.example,SUPPORT\n${a!.email},ADMIN\n${c!.email.replace("@", "")},SUPPORT\n` +
        `${b!.email},OWNER\n`;
      const res = await planAndConfirm("twingate.user.role_changed", csv);
      expect(res.counts).toMatchObject({ update: 2, no_change: 1, error: 4, duplicate: 1 });
      const rows = await rowsOf(res.jobId);
      expect(rows.map((r) => r.plan)).toEqual(["update", "update", "no_change", "error", "error", "error", "error"]);
      expect(rows[0]).toMatchObject({
        before: { userId: a!.id, role: "MEMBER" },
        after: { userId: a!.id, role: "SUPPORT" },
      });
      expect(rows[3]!.planError).toMatch(/^Unknown user: ghost@nowhere.example/);
      expect(rows[4]!.planError).toBe("Duplicate of row 2 in this file.");
      expect(rows[5]!.planError).toMatch(/^email: Not a valid UPN or email/);
      expect(rows[6]!.planError).toMatch(/^role: role must be one of/);
      expect([a!.role, b!.role]).toEqual(["MEMBER", "MEMBER"]);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      expect((await rowsOf(res.jobId)).slice(0, 2).map((r) => [r.status, r.vendorMessage])).toEqual([
        ["succeeded", `Twingate: ${a!.email} is SUPPORT.`],
        ["succeeded", `Twingate: ${b!.email} is DEVOPS.`],
      ]);
      expect([a!.role, b!.role, c!.role]).toEqual(["SUPPORT", "DEVOPS", "MEMBER"]);
      const events = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId }, orderBy: { seq: "asc" } });
      expect(events).toHaveLength(2);
      const ev = events.find((e) => (e.targets as { id: string }[])[0]!.id === a!.id)!;
      expect(ev).toMatchObject({
        action: "twingate.user.role_changed",
        outcome: "success",
        targets: [{ type: "twingate_user", id: a!.id, label: a!.email }],
        before: { role: "MEMBER" },
        after: { role: "SUPPORT" },
      });
      // What the users page's undo reads (lib/operations/twingate/_user.ts): the twingate_user target's id and
      // before.role.
      expect(ev.tenantId).toBe(h.tenantId);
      const cached = await h.t.db.twingateUser.findMany({
        where: { tenantId: h.tenantId, vendorId: { in: [a!.id, b!.id] } },
        orderBy: { email: "asc" },
      });
      expect(new Set(cached.map((u) => u.role))).toEqual(new Set(["SUPPORT", "DEVOPS"]));
      const driftBefore = await h.t.db.auditEvent.count({ where: { action: "twingate.user.changed_externally" } });
      expect((await h.run()).status).toBe("succeeded");
      expect(await h.t.db.auditEvent.count({ where: { action: "twingate.user.changed_externally" } })).toBe(
        driftBefore,
      );
    },
  );

  it("a Twingate failure fails the row with Twingate's words and changes nothing", async () => {
    const u = simUsers().find((x) => x.role === "MEMBER")!;
    const { jobId } = await planAndConfirm("twingate.user.role_changed", `email,role\n${u.email},SUPPORT\n`);
    await setFaults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    expect((await rowsOf(jobId))[0]).toMatchObject({
      status: "failed",
      vendorMessage: expect.stringMatching(/^Twingate answered: .*HTTP 5\d\d/),
    });
    expect(u.role).toBe("MEMBER");
    expect(await h.t.db.auditEvent.findFirst({ where: { jobId } })).toMatchObject({ outcome: "failure" });
  });
});

describe("Twingate bulk device actions", () => {
  const simDevices = () => [...sim.state.devices.values()];
  const cachedDevice = (id: string) =>
    h.t.db.twingateDevice.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: id } });

  it(
    "blocks by id or serial, skips blocked ones, flags unknown and duplicate rows, " +
      "audits as the devices page does and keeps the cache as the sync writes it; unblock reverses it",
    async () => {
      const active = simDevices().filter((d) => d.activeState === "ACTIVE");
      const [d1, d2] = active;
      const blocked = simDevices().find((d) => d.activeState === "BLOCKED") ?? active[2];
      if (blocked!.activeState !== "BLOCKED") {
        blocked!.activeState = "BLOCKED";
        expect((await h.run()).status).toBe("succeeded");
      }
      const csv =
        `Serial Number\n${d1!.id}\n${d2!.serialNumber.toLowerCase()}\n${blocked!.id}\n` +
        `NO-SUCH-DEVICE\n${d1!.id}\n${d1!.serialNumber}\n`;
      const res = await planAndConfirm("twingate.device.blocked", csv);
      expect(res.counts).toMatchObject({ update: 2, no_change: 1, error: 3, duplicate: 1 });
      const rows = await rowsOf(res.jobId);
      expect(rows[0]).toMatchObject({
        plan: "update",
        before: { deviceId: d1!.id, activeState: "ACTIVE" },
        after: { deviceId: d1!.id, activeState: "BLOCKED" },
      });
      expect(rows[3]!.planError).toMatch(/^Unknown device: NO-SUCH-DEVICE/);
      expect(rows[4]!.planError).toBe("Duplicate of row 2 in this file.");
      expect(rows[5]!.planError).toMatch(/^Same Twingate device/);
      expect([d1!.activeState, d2!.activeState]).toEqual(["ACTIVE", "ACTIVE"]);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      expect((await rowsOf(res.jobId)).slice(0, 2).map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
      expect([d1!.activeState, d2!.activeState]).toEqual(["BLOCKED", "BLOCKED"]);
      const events = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId } });
      expect(events).toHaveLength(2);
      const ev = events.find((e) => (e.targets as { id: string }[])[0]!.id === d1!.id)!;
      expect(ev).toMatchObject({
        action: "twingate.device.blocked",
        outcome: "success",
        targets: [{ type: "twingate_device", id: d1!.id }],
        before: { activeState: "ACTIVE", isTrusted: d1!.isTrusted },
        after: { activeState: "BLOCKED", isTrusted: d1!.isTrusted },
      });
      // The devices page's undo (unblock) reads the twingate_device target's id.
      expect((await cachedDevice(d1!.id)).activeState).toBe("BLOCKED");
      expect(((await cachedDevice(d1!.id)).raw as { activeState: string }).activeState).toBe("BLOCKED");
      const driftBefore = await h.t.db.auditEvent.count({ where: { action: "twingate.device.changed_externally" } });
      expect((await h.run()).status).toBe("succeeded");
      expect(await h.t.db.auditEvent.count({ where: { action: "twingate.device.changed_externally" } })).toBe(
        driftBefore,
      );

      // Archiving a blocked device would lift its block: refused at plan time.
      const archive = await planBulkJob(h.t.db, {
        tenantId: h.tenantId,
        operationId: "twingate.device.archived",
        fileName: "a.csv",
        bytes: enc(`device\n${d1!.id}\n`),
        staffId,
      });
      expect(archive).toMatchObject({ ok: true, counts: { error: 1 } });

      const unblock = await planAndConfirm("twingate.device.unblocked", `device\n${d1!.id}\n${d2!.id}\n`);
      expect(unblock.counts).toMatchObject({ update: 2 });
      expect(await applyBulkJob(h.t.db, unblock.jobId)).toBe("completed");
      expect([d1!.activeState, d2!.activeState]).toEqual(["ACTIVE", "ACTIVE"]);
      expect(
        await h.t.db.auditEvent.count({
          where: { jobId: unblock.jobId, action: "twingate.device.unblocked", outcome: "success" },
        }),
      ).toBe(2);
    },
  );

  it("archives and trusts devices; already-trusted ones need no change", async () => {
    const active = simDevices().filter((d) => d.activeState === "ACTIVE");
    const untrusted = active.find((d) => !d.isTrusted)!;
    const trusted = active.find((d) => d.isTrusted)!;
    expect(untrusted && trusted).toBeTruthy();
    const trust = await planAndConfirm("twingate.device.trusted", `device\n${untrusted.id}\n${trusted.id}\n`);
    expect(trust.counts).toMatchObject({ update: 1, no_change: 1 });
    expect(await applyBulkJob(h.t.db, trust.jobId)).toBe("completed");
    expect(untrusted.isTrusted).toBe(true);
    expect((await cachedDevice(untrusted.id)).isTrusted).toBe(true);
    expect(await h.t.db.auditEvent.findFirst({ where: { jobId: trust.jobId } })).toMatchObject({
      action: "twingate.device.trusted",
      before: { isTrusted: false },
      after: { isTrusted: true },
    });

    const archive = await planAndConfirm("twingate.device.archived", `device\n${untrusted.id}\n`);
    expect(await applyBulkJob(h.t.db, archive.jobId)).toBe("completed");
    expect(untrusted.activeState).toBe("ARCHIVED");
    expect((await cachedDevice(untrusted.id)).activeState).toBe("ARCHIVED");
    expect(await h.t.db.auditEvent.findFirst({ where: { jobId: archive.jobId } })).toMatchObject({
      action: "twingate.device.archived",
      outcome: "success",
    });
  });

  it("a Twingate failure fails the row with Twingate's words and changes nothing", async () => {
    const d = simDevices().find((x) => x.activeState === "ACTIVE")!;
    const { jobId } = await planAndConfirm("twingate.device.blocked", `device\n${d.id}\n`);
    await setFaults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    expect((await rowsOf(jobId))[0]).toMatchObject({
      status: "failed",
      vendorMessage: expect.stringMatching(/^Twingate answered: .*HTTP 5\d\d/),
    });
    expect(d.activeState).toBe("ACTIVE");
    expect((await cachedDevice(d.id)).activeState).toBe("ACTIVE");
  });
});

describe("Twingate users added from a CSV", () => {
  it("adds new members only: someone Twingate has is no change, and a role column is not a column", async () => {
    const existing = simUsers()[0]!;
    const fresh = "csv.newcomer@northwind.example";
    const res = await planAndConfirm(
      "twingate.user.created",
      `Email,First Name,Surname,Invite\n${fresh},New,Comer,no\n${existing.email},X,Y,yes\n`,
    );
    expect(res).toMatchObject({ counts: { create: 1, no_change: 1, error: 0 } });
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    const made = simUsers().find((u) => u.email === fresh);
    expect(made).toMatchObject({ firstName: "New", lastName: "Comer", role: "MEMBER", state: "PENDING" });
    expect(await h.t.db.twingateUser.count({ where: { tenantId: h.tenantId, emailNorm: fresh } })).toBe(1);
    const [event] = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId } });
    expect(event).toMatchObject({ action: "twingate.user.created", outcome: "success", after: { role: "MEMBER" } });
    // A sheet that names a role is refused before anything is planned: an admin sets roles afterwards.
    const withRole = await planBulkJob(h.t.db, {
      tenantId: h.tenantId,
      staffId,
      operationId: "twingate.user.created",
      fileName: "roles.csv",
      bytes: enc("email,role\nsomeone@northwind.example,ADMIN\n"),
    });
    expect(withRole).toMatchObject({ ok: false, error: expect.stringMatching(/unknown column.*role/) });
    // Its undo deletes the user Twingate made, by the id Twingate gave it.
    expect(createUser.inverse?.items(event as unknown as UndoableEvent)).toEqual([{ userId: made!.id }]);
  });

  it("deletes the users a sheet names; a user synced from the identity provider is refused in the plan", async () => {
    const manual = simUsers().find((u) => u.type === "MANUAL" && u.email !== "csv.newcomer@northwind.example")!;
    const synced = simUsers().find((u) => u.type === "SYNCED")!;
    const res = await planAndConfirm(
      "twingate.user.deleted",
      `email\n${manual.email.toUpperCase()}\n${synced.email}\nghost@nowhere.example\n`,
    );
    expect(res).toMatchObject({ counts: { update: 1, error: 2 } });
    const planned = await rowsOf(res.jobId);
    expect(planned[0]).toMatchObject({ before: { userId: manual.id, email: manual.email } });
    expect(planned[1]!.planError).toMatch(/is synced from the identity provider/);
    expect(planned[2]!.planError).toMatch(/^Unknown user: /);
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    expect(simUsers().some((u) => u.id === manual.id)).toBe(false);
    const [event] = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId } });
    expect(event).toMatchObject({
      action: "twingate.user.deleted",
      outcome: "success",
      before: { email: manual.email, type: "MANUAL" },
    });
    const cached = await h.t.db.twingateUser.findFirst({ where: { tenantId: h.tenantId, vendorId: manual.id } });
    expect(cached?.deletedAt).not.toBeNull();
  });
});

describe("Twingate resource access from a CSV", () => {
  /** A resource, two groups (one without access to it, one with) and a service account without. */
  const pick = () => {
    const groups = [...sim.state.groups.values()].filter((g) => g.type !== "SYSTEM");
    const names = (n: string) => groups.filter((g) => g.name.toLowerCase() === n.toLowerCase()).length === 1;
    for (const r of sim.state.resources.values()) {
      const without = groups.find((g) => !r.access.has(`Group:${g.n}`) && names(g.name));
      const withAccess = groups.find((g) => r.access.has(`Group:${g.n}`) && names(g.name));
      const account = [...sim.state.serviceAccounts.values()].find((a) => !r.access.has(`ServiceAccount:${a.n}`));
      if (without && withAccess && account) return { r, without, withAccess, account };
    }
    throw new Error("The simulator has no resource with one group granted and one not.");
  };

  it("gives and takes away access by names; a grant already there is no change; undone by the event", async () => {
    const { r, without, withAccess, account } = pick();
    const add = await planAndConfirm(
      "twingate.resource.access_added",
      [
        "Resource,Group,Policy,Expires",
        `${r.name.toUpperCase()},${without.name},,2027-03-31`,
        `${r.name},${withAccess.name},,`,
        `No such resource,${without.name},,`,
        `${r.name},${account.name},,2027-03-31`,
        `${r.name},${without.name},,`,
      ].join("\n"),
    );
    const planned = await rowsOf(add.jobId);
    expect(add).toMatchObject({ counts: { update: 1, no_change: 1, error: 3, duplicate: 1 } });
    expect(planned[2]!.planError).toMatch(/^Unknown resource: /);
    expect(planned[3]!.planError).toMatch(/neither a policy nor an expiry/);
    expect(await applyBulkJob(h.t.db, add.jobId)).toBe("completed");
    expect(r.access.get(`Group:${without.n}`)).toMatchObject({ expiresAt: "2027-03-31T00:00:00.000Z" });
    const [given] = await h.t.db.auditEvent.findMany({ where: { jobId: add.jobId } });
    expect(given).toMatchObject({ action: "twingate.resource.access_added", outcome: "success" });
    expect(addAccess.inverse?.items(given as unknown as UndoableEvent)).toEqual([
      { resourceId: r.id, principalIds: [without.id] },
    ]);
    // The cache holds the grant as the sync would: a second sheet finds nothing to give.
    const again = await planAndConfirm(
      "twingate.resource.access_added",
      `resource,principal\n${r.name},${without.name}\n`,
    );
    expect(again).toMatchObject({ counts: { no_change: 1 } });

    const remove = await planAndConfirm(
      "twingate.resource.access_removed",
      `resource,principal\n${r.name},${without.name}\n${r.name},${account.name}\n`,
    );
    expect(remove).toMatchObject({ counts: { update: 1, no_change: 1 } });
    expect(await applyBulkJob(h.t.db, remove.jobId)).toBe("completed");
    expect(r.access.has(`Group:${without.n}`)).toBe(false);
    const [taken] = await h.t.db.auditEvent.findMany({ where: { jobId: remove.jobId } });
    expect(removeAccess.inverse?.items(taken as unknown as UndoableEvent)).toEqual([
      {
        resourceId: r.id,
        grants: [{ principalId: without.id, expiresAt: "2027-03-31T00:00:00.000Z" }],
      },
    ]);
  });
});

describe("Twingate groups created from a CSV", () => {
  it("creates groups under a named policy; a name already there is no change; an unknown policy refused", async () => {
    const existing = [...sim.state.groups.values()].find((g) => g.type === "MANUAL")!;
    const policy = [...sim.state.securityPolicies.values()].find((p) => p.policyType !== "DEFAULT_RESOURCE")!;
    const res = await planAndConfirm(
      "twingate.group.created",
      `Group Name,Security Policy\nCSV Contractors,${policy.name.toUpperCase()}\nCSV Auditors,\n` +
        `${existing.name.toLowerCase()},\nCSV Interns,No such policy\n`,
    );
    expect(res).toMatchObject({ counts: { create: 2, no_change: 1, error: 1 } });
    expect((await rowsOf(res.jobId))[3]!.planError).toMatch(/^Unknown security policy: /);
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    // Rows are sent side by side: the groups are compared by name, not in the order Twingate made them.
    const made = [...sim.state.groups.values()].filter((g) => g.name.startsWith("CSV "));
    expect(made.map((g) => [g.name, g.securityPolicyN === policy.n]).sort()).toEqual([
      ["CSV Auditors", false],
      ["CSV Contractors", true],
    ]);
    const events = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ["twingate.group.created", "success"],
      ["twingate.group.created", "success"],
    ]);
    const contractors = made[0]!;
    const event = events.find((e) => JSON.stringify(e.targets).includes(contractors.id));
    expect(createGroup.inverse?.items(event as unknown as UndoableEvent)).toEqual([{ groupId: contractors.id }]);
    expect(await planAndConfirm("twingate.group.created", "name\ncsv contractors\n")).toMatchObject({
      counts: { no_change: 1 },
    });
  });
});
