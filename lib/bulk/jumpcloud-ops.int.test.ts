import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../sim/jumpcloud";
import { createUser as simCreateUser } from "../../sim/jumpcloud/routes-users";
import { addMember, associate, dissociate, nodeKey, removeMember } from "../../sim/jumpcloud/state";
import { type BulkHarness, jumpcloudBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, planConfirmed, putSimFaults } from "../../test/bulk-jobs";
import type { SyncHarness } from "../../test/sync-harness";
import addAssociation from "../operations/jumpcloud/add-association";
import addGroupMember from "../operations/jumpcloud/add-group-member";
import createUser from "../operations/jumpcloud/create-user";
import removeAssociation from "../operations/jumpcloud/remove-association";
import removeGroupMember from "../operations/jumpcloud/remove-group-member";
import updateUser from "../operations/jumpcloud/update-user";
import type { UndoableEvent } from "../undo/inverse";
import { applyBulkJob } from "./apply";
import { bulkOperation } from "./catalogue";

// The JumpCloud bulk operations beyond suspend/reactivate, against the real
// simulator: the plan (unknown, invalid, no change, duplicate), the change at
// JumpCloud, the audit event in the console action's shape (Undo where the
// console has one), the cache as the next sync finds it, JumpCloud's own
// words on a refusal, and rows left in doubt by a crash.

// The inverses are read, not run: the console actions they name need a signed-in session.
vi.mock("../jumpcloud/user-actions", () => ({
  reactivateUser: "reactivateUser",
  suspendUser: "suspendUser",
  updateUserDetails: "updateUserDetails",
}));
vi.mock("../jumpcloud/association-actions", () => ({
  addAssociation: "addAssociation",
  removeAssociation: "removeAssociation",
}));

const ORG_ID = JUMPCLOUD_SIM_ORG_IDS[0];

let sim: ReturnType<typeof createJumpCloudSim>;
let url: string;
let h: SyncHarness;
let staffId: string;

const org = () => sim.state.orgs.get(ORG_ID)!;
/** The simulator's user now (a PUT replaces the record). */
const simUser = (id: string) => org().users.get(id)!;
const simUsers = () => [...org().users.values()];
const rowsOf = (jobId: string) => bulkRowsOf(h.t.db, jobId);
const eventsOf = (jobId: string) => h.t.db.auditEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
const setFaults = (f: Record<string, number>) => putSimFaults(url, f);
const cachedUser = (id: string) =>
  h.t.db.jumpcloudUser.findUniqueOrThrow({ where: { tenantId_vendorId: { tenantId: h.tenantId, vendorId: id } } });
const edge = (kind: string, vendorId: string) =>
  h.t.db.vendorEdge.findFirst({ where: { tenantId: h.tenantId, vendor: "jumpcloud", kind, vendorId } });
const targetsOf = (e: { targets: unknown }) => e.targets as { type: string; id: string; label?: string }[];
/** Rows are sent a few at a time: events come in the order JumpCloud answered, so find each by its target. */
const eventFor = <E extends { targets: unknown }>(events: E[], id: string) =>
  events.find((e) => targetsOf(e).some((t) => t.id === id))!;

const planAndConfirm = (operationId: string, csv: string) =>
  planConfirmed(h.t.db, { tenantId: h.tenantId, staffId, operationId, csv });

/** The next sync finds the cache as JumpCloud has it: nothing created, updated or deleted, no drift. */
async function expectSyncFindsNothingNew() {
  const run = await h.run();
  expect(run).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0, driftEvents: 0 });
}

/** Marks rows as a crash leaves them: sent (or about to be), no answer recorded. */
const leaveInFlight = (jobId: string, lines: number[]) =>
  h.t.db.bulkRow.updateMany({
    where: { jobId, line: { in: lines } },
    data: { status: "sending", attempts: 1, sentAt: new Date() },
  });

/** Users the other tests do not touch, so each test owns its people. */
const taken = new Set<string>();
function pickUsers(
  n: number,
  pred: (u: ReturnType<typeof simUsers>[number]) => boolean = (u) => u.state === "ACTIVATED",
) {
  const out = simUsers()
    .filter((u) => u.email && !taken.has(u._id) && pred(u))
    .slice(0, n);
  expect(out).toHaveLength(n);
  for (const u of out) taken.add(u._id);
  return out;
}

let env: BulkHarness<ReturnType<typeof createJumpCloudSim>> | undefined;
beforeAll(async () => {
  env = await jumpcloudBulkHarness("operator");
  ({ sim, url, h, staffId } = env);
});
afterAll(() => env?.close());

describe("JumpCloud bulk create users", () => {
  it(
    "plans new, existing, taken, invalid and duplicate rows, creates the new users, " + "caches and audits them",
    async () => {
      const [existing, other] = pickUsers(2);
      const csv = [
        "Username,E-mail Address,First Name,Surname,Department,Title,State",
        "nina.new,nina.new@northwind.example,Nina,New,Finance,Accountant,staged",
        "omar.new,omar.new@northwind.example,Omar,,,,",
        `${existing!.username},${existing!.email},,,,,`, // exactly as it exists: no change
        `${other!.username},someone.else@northwind.example,,,,,`, // username taken
        `fresh.name,${other!.email.toUpperCase()},,,,,`, // email taken
        "bad name,bad@northwind.example,,,,,",
        "nina.again,NINA.NEW@northwind.example,,,,,", // duplicate email in the file
        "OMAR.NEW,omar.other@northwind.example,,,,,", // username already on an earlier row
        "pia.new,pia.new@northwind.example,,,,,frozen",
      ].join("\n");
      const res = await planAndConfirm("jumpcloud.user.created", csv);
      expect(res.counts).toMatchObject({ create: 2, no_change: 1, duplicate: 1, error: 6 });
      const planned = await rowsOf(res.jobId);
      expect(planned.map((r) => r.plan)).toEqual([
        "create",
        "create",
        "no_change",
        "error",
        "error",
        "error",
        "error",
        "error",
        "error",
      ]);
      expect(planned[0]!.after).toEqual({
        username: "nina.new",
        email: "nina.new@northwind.example",
        firstname: "Nina",
        lastname: "New",
        department: "Finance",
        jobTitle: "Accountant",
        state: "STAGED",
      });
      expect(planned[2]!.before).toMatchObject({ userId: existing!._id, username: existing!.username });
      expect(planned[3]!.planError).toMatch(/^Username taken: /);
      expect(planned[4]!.planError).toMatch(/^Email taken: /);
      expect(planned[5]!.planError).toMatch(/^username: /);
      expect(planned[6]!.planError).toBe("Duplicate of row 2 in this file.");
      expect(planned[7]!.planError).toMatch(/earlier row of this file/);
      expect(planned[8]!.planError).toMatch(/^state: state must be STAGED, ACTIVATED or SUSPENDED/);
      expect(simUsers().some((u) => u.username === "nina.new")).toBe(false);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      const nina = simUsers().find((u) => u.username === "nina.new")!;
      const omar = simUsers().find((u) => u.username === "omar.new")!;
      expect(nina).toMatchObject({
        email: "nina.new@northwind.example",
        firstname: "Nina",
        lastname: "New",
        department: "Finance",
        jobTitle: "Accountant",
        state: "STAGED",
      });
      // No state column value: JumpCloud's default for new users.
      expect(omar.state).toBe("ACTIVATED");
      const done = await rowsOf(res.jobId);
      expect(done.slice(0, 2).map((r) => [r.status, r.vendorMessage])).toEqual([
        ["succeeded", "JumpCloud: created nina.new (nina.new@northwind.example), STAGED."],
        ["succeeded", "JumpCloud: created omar.new (omar.new@northwind.example), ACTIVATED."],
      ]);
      expect(done.slice(2).every((r) => r.status === "skipped")).toBe(true);

      const events = await eventsOf(res.jobId);
      expect(events).toHaveLength(2);
      const created = eventFor(events, nina._id);
      expect(created).toMatchObject({
        action: "jumpcloud.user.created",
        outcome: "success",
        vendor: "jumpcloud",
        after: { username: "nina.new", email: "nina.new@northwind.example", state: "STAGED" },
      });
      expect(targetsOf(created)).toEqual([
        { type: "jumpcloud_user", id: nina._id, label: "nina.new@northwind.example" },
      ]);
      expect(eventFor(events, omar._id)).toMatchObject({ action: "jumpcloud.user.created", outcome: "success" });
      expect((created.after as Record<string, unknown>).userId).toBeUndefined();
      // Its undo deletes the user JumpCloud made, by the id JumpCloud gave them.
      expect(createUser.inverse?.op).toBe("jumpcloud.user.deleted");
      expect(createUser.inverse?.items(created as unknown as UndoableEvent)).toEqual([{ userId: nina._id }]);

      expect(await cachedUser(nina._id)).toMatchObject({
        username: "nina.new",
        emailNorm: "nina.new@northwind.example",
        state: "STAGED",
        deletedAt: null,
      });
      expect(await cachedUser(omar._id)).toMatchObject({ state: "ACTIVATED" });
      await expectSyncFindsNothingNew();

      // The same file again: the created users are now "no change".
      const again = await planAndConfirm("jumpcloud.user.created", csv);
      expect(again.counts).toMatchObject({ create: 0, no_change: 3 });
    },
  );

  it("a JumpCloud refusal fails the row with JumpCloud's words; a fault creates nothing", async () => {
    // Taken at JumpCloud after the last sync: the plan cannot know, JumpCloud refuses.
    const res = await planAndConfirm(
      "jumpcloud.user.created",
      "username,email\nquinn.late,quinn.late@northwind.example\nrita.new,rita.new@northwind.example\n",
    );
    expect(res.counts).toMatchObject({ create: 2 });
    simCreateUser(
      org(),
      sim.state.ids.next(),
      { username: "quinn.late", email: "quinn.other@northwind.example" },
      "ACTIVATED",
    );
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    const [quinn, rita] = await rowsOf(res.jobId);
    expect(quinn).toMatchObject({
      status: "failed",
      vendorMessage: "JumpCloud answered: username 'quinn.late' already exists (HTTP 400)",
    });
    expect(rita!.status).toBe("succeeded");
    expect((await eventsOf(res.jobId)).map((e) => e.outcome).sort()).toEqual(["failure", "success"]);

    const faulty = await planAndConfirm(
      "jumpcloud.user.created",
      "username,email\nsam.new,sam.new@northwind.example\n",
    );
    await setFaults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, faulty.jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    const [row] = await rowsOf(faulty.jobId);
    expect(row).toMatchObject({
      status: "failed",
      vendorMessage: expect.stringMatching(/^JumpCloud answered: .*\(HTTP 5\d\d\)$/),
    });
    expect(simUsers().some((u) => u.username === "sam.new")).toBe(false);
    expect(await h.t.db.auditEvent.findFirst({ where: { jobId: faulty.jobId } })).toMatchObject({
      outcome: "failure",
      reason: row!.vendorMessage,
    });
  });

  it(
    "rows a crash left in flight are looked up by username: made → succeeded, not made → sent once, " +
      "taken by someone else → unknown",
    async () => {
      const res = await planAndConfirm(
        "jumpcloud.user.created",
        "username,email\ntara.made,tara.made@northwind.example\numa.notmade,uma.notmade@northwind.example\n" +
          "vic.clash,vic.clash@northwind.example\n",
      );
      expect(res.counts).toMatchObject({ create: 3 });
      // Tara reached JumpCloud before the crash; Vic's username went to someone else meanwhile.
      const tara = simCreateUser(
        org(),
        sim.state.ids.next(),
        { username: "tara.made", email: "tara.made@northwind.example" },
        "ACTIVATED",
      );
      simCreateUser(
        org(),
        sim.state.ids.next(),
        { username: "vic.clash", email: "victor@elsewhere.example" },
        "ACTIVATED",
      );
      await leaveInFlight(res.jobId, [2, 3, 4]);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      const rows = await rowsOf(res.jobId);
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ["succeeded", 1],
        ["succeeded", 2],
        ["unknown", 1],
      ]);
      expect(rows[0]!.vendorMessage).toMatch(/checked at the vendor/);
      expect(simUsers().filter((u) => u.username === "tara.made")).toHaveLength(1);
      expect(simUsers().filter((u) => u.username === "uma.notmade")).toHaveLength(1);
      expect(
        simUsers()
          .filter((u) => u.username === "vic.clash")
          .map((u) => u.email),
      ).toEqual(["victor@elsewhere.example"]);
      // Tara was created before the crash: the cache learns her from JumpCloud now.
      expect(await cachedUser(tara._id)).toMatchObject({ username: "tara.made", deletedAt: null });
      const events = await eventsOf(res.jobId);
      expect(events.map((e) => e.outcome).sort()).toEqual(["failure", "success", "success"]);
    },
  );
});

describe("JumpCloud bulk unlock, expire password and reset MFA", () => {
  it("unlocks locked users only, as the user page does, and the cache matches JumpCloud", async () => {
    const [a, b, c] = pickUsers(3);
    for (const u of [a, b])
      Object.assign(simUser(u!._id), {
        account_locked: true,
        account_locked_date: new Date().toISOString(),
        badLoginAttempts: 10,
      });
    simUser(c!._id).account_locked = false;
    expect((await h.run()).status).toBe("succeeded");

    const res = await planAndConfirm(
      "jumpcloud.user.unlocked",
      `email\n${a!.email}\n${b!.email.toUpperCase()}\n${c!.email}\nghost@nowhere.example\nnot-an-email\n${a!.email}\n`,
    );
    expect(res.counts).toMatchObject({ update: 2, no_change: 1, error: 3, duplicate: 1 });
    const planned = await rowsOf(res.jobId);
    expect(planned[0]).toMatchObject({
      before: { userId: a!._id, accountLocked: true },
      after: { accountLocked: false },
    });
    expect(planned[3]!.planError).toMatch(/^Unknown user: ghost@nowhere.example/);
    expect(planned[4]!.planError).toMatch(/^email: /);

    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    expect([simUser(a!._id), simUser(b!._id)].map((u) => [u.account_locked, u.badLoginAttempts])).toEqual([
      [false, 0],
      [false, 0],
    ]);
    expect((await rowsOf(res.jobId))[0]).toMatchObject({
      status: "succeeded",
      vendorMessage: `JumpCloud: ${a!.email} is unlocked.`,
    });
    const events = await eventsOf(res.jobId);
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(e).toMatchObject({
        action: "jumpcloud.user.unlocked",
        outcome: "success",
        before: { state: "ACTIVATED", accountLocked: true },
        after: { accountLocked: false },
      });
      expect(Object.keys(e.before as object).sort()).toEqual([
        "accountLocked",
        "passwordExpired",
        "state",
        "suspended",
      ]);
    }
    expect(events.map((e) => targetsOf(e)[0]!.id).sort()).toEqual([a!._id, b!._id].sort());
    expect((await cachedUser(a!._id)).accountLocked).toBe(false);
    await expectSyncFindsNothingNew();
  });

  it("expires passwords not yet expired; a JumpCloud fault fails the row with JumpCloud's words", async () => {
    const [a, c] = pickUsers(2);
    simUser(c!._id).password_expired = true;
    expect((await h.run()).status).toBe("succeeded");

    const res = await planAndConfirm(
      "jumpcloud.user.password_expired",
      `user\n${a!.email}\n${c!.email}\nghost@nowhere.example\n@bad\n${a!.email.toUpperCase()}\n`,
    );
    expect(res.counts).toMatchObject({ update: 1, no_change: 1, error: 3, duplicate: 1 });
    expect((await rowsOf(res.jobId)).slice(2).map((r) => r.planError)).toEqual([
      expect.stringMatching(/^Unknown user: /),
      expect.stringMatching(/^email: /),
      "Duplicate of row 2 in this file.",
    ]);
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    expect(simUser(a!._id).password_expired).toBe(true);
    const [e] = await eventsOf(res.jobId);
    expect(e).toMatchObject({
      action: "jumpcloud.user.password_expired",
      outcome: "success",
      before: { passwordExpired: false },
      after: { passwordExpired: true },
    });
    expect(targetsOf(e!)[0]).toEqual({ type: "jumpcloud_user", id: a!._id, label: a!.email });
    expect((await cachedUser(a!._id)).passwordExpired).toBe(true);
    await expectSyncFindsNothingNew();

    const [d] = pickUsers(1);
    const faulty = await planAndConfirm("jumpcloud.user.password_expired", `email\n${d!.email}\n`);
    await setFaults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, faulty.jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    expect((await rowsOf(faulty.jobId))[0]).toMatchObject({
      status: "failed",
      vendorMessage: expect.stringMatching(/^JumpCloud answered: .*\(HTTP 5\d\d\)$/),
    });
    expect(simUser(d!._id).password_expired).toBe(false);
    expect((await eventsOf(faulty.jobId))[0]).toMatchObject({
      action: "jumpcloud.user.password_expired",
      outcome: "failure",
    });
  });

  it(
    "resets TOTP with the exclusion window asked for, audited as the user page does; " +
      "a reset in doubt is never resent",
    async () => {
      const [a, b, c] = pickUsers(3, (u) => u.state === "ACTIVATED" && u.totp_enabled);
      const res = await planAndConfirm(
        "jumpcloud.user.mfa_reset",
        `email,exclusionDays\n${a!.email},\n${b!.email},0\n${c!.email},soon\n${c!.email},999\n` +
          `ghost@nowhere.example,3\n${a!.email},3\n`,
      );
      expect(res.counts).toMatchObject({ update: 2, error: 4, duplicate: 1 });
      const planned = await rowsOf(res.jobId);
      expect(planned[0]).toMatchObject({
        before: { userId: a!._id, totpEnabled: true },
        after: { mfaStatus: "reset", exclusionDays: 7 },
      });
      expect(planned[2]!.planError).toMatch(/^exclusionDays: /);
      expect(planned[3]!.planError).toMatch(/at most 365/);
      expect(planned.slice(4).map((r) => r.planError)).toEqual([
        expect.stringMatching(/^Unknown user: /),
        "Duplicate of row 2 in this file.",
      ]);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      expect(simUser(a!._id)).toMatchObject({ totp_enabled: false, mfa: { exclusion: true, exclusionDays: 7 } });
      expect(simUser(b!._id)).toMatchObject({ totp_enabled: false, mfa: { exclusion: false } });
      const until = simUser(a!._id).mfa.exclusionUntil!;
      expect(Date.parse(until) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
      const events = await eventsOf(res.jobId);
      expect(eventFor(events, a!._id)).toMatchObject({
        action: "jumpcloud.user.mfa_reset",
        outcome: "success",
        before: { state: "ACTIVATED" },
        after: { state: "ACTIVATED", mfaStatus: simUser(a!._id).mfaEnrollment.overallStatus, exclusionUntil: until },
      });
      expect(eventFor(events, b!._id)).toMatchObject({ after: { exclusionUntil: null } });
      expect((await cachedUser(a!._id)).totpEnabled).toBe(false);
      await expectSyncFindsNothingNew();

      // A reset left in flight by a crash: JumpCloud cannot be asked whether it was this request, so it ends unknown
      // and is not sent again.
      const [d] = pickUsers(1, (u) => u.state === "ACTIVATED" && u.totp_enabled);
      const doubt = await planAndConfirm("jumpcloud.user.mfa_reset", `email\n${d!.email}\n`);
      await leaveInFlight(doubt.jobId, [2]);
      expect(await applyBulkJob(h.t.db, doubt.jobId)).toBe("completed");
      expect((await rowsOf(doubt.jobId))[0]).toMatchObject({ status: "unknown", attempts: 1 });
      expect(simUser(d!._id).totp_enabled).toBe(true);
    },
  );
});

describe("JumpCloud bulk user group membership", () => {
  it(
    "adds and removes members by email and group name, caches the edges as the sync does, " +
      "and Undo reverses a bulk row",
    async () => {
      const group = [...org().userGroups.values()].find((g) => (org().members.get(g.id)?.size ?? 0) > 0)!;
      const [m] = pickUsers(1, (u) => org().members.get(group.id)!.has(u._id));
      const [n, n2] = pickUsers(2, (u) => !org().members.get(group.id)!.has(u._id));
      const res = await planAndConfirm(
        "jumpcloud.group.member_added",
        [
          "Email,Group Name",
          `${n!.email},${group.name}`,
          `${m!.email},${group.name.toUpperCase()}`,
          `${n!.email},No Such Group`,
          `ghost@nowhere.example,${group.name}`,
          `${n!.email},${group.name.toLowerCase()}`,
          `${n2!.email},`,
        ].join("\n"),
      );
      expect(res.counts).toMatchObject({ update: 1, no_change: 1, error: 4, duplicate: 1 });
      const planned = await rowsOf(res.jobId);
      expect(planned[0]).toMatchObject({
        before: { kind: "user_group", groupId: group.id, memberId: n!._id, member: false },
        after: { member: true },
      });
      expect(planned[2]!.planError).toMatch(/^Unknown group: No Such Group/);
      expect(planned[3]!.planError).toMatch(/^Unknown user: /);
      expect(planned[5]!.planError).toMatch(/^group: /);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      expect(org().members.get(group.id)!.has(n!._id)).toBe(true);
      expect((await rowsOf(res.jobId))[0]).toMatchObject({
        status: "succeeded",
        vendorMessage: `JumpCloud: ${n!.email} added to ${group.name}.`,
      });
      const [added] = await eventsOf(res.jobId);
      expect(added).toMatchObject({
        action: "jumpcloud.group.member_added",
        outcome: "success",
        before: { kind: "user_group", groupId: group.id, memberId: n!._id, member: false },
        after: { member: true },
      });
      expect(targetsOf(added!).map((t) => [t.type, t.id])).toEqual([
        ["jumpcloud_user_group", group.id],
        ["jumpcloud_user", n!._id],
      ]);
      expect(await edge("user_group_member", `${group.id}|${n!._id}`)).toMatchObject({
        fromId: group.id,
        toId: n!._id,
        deletedAt: null,
      });
      await expectSyncFindsNothingNew();
      // The groups page's undo takes the bulk row as it takes its own.
      expect(addGroupMember.inverse?.op).toBe("jumpcloud.group.member_removed");
      expect(addGroupMember.inverse?.items(added as unknown as UndoableEvent)).toEqual([
        { kind: "user_group", groupId: group.id, memberId: n!._id },
      ]);

      const out = await planAndConfirm(
        "jumpcloud.group.member_removed",
        `email,group\n${m!.email},${group.name}\n${n2!.email},${group.name}\n`,
      );
      expect(out.counts).toMatchObject({ update: 1, no_change: 1 });
      expect(await applyBulkJob(h.t.db, out.jobId)).toBe("completed");
      expect(org().members.get(group.id)!.has(m!._id)).toBe(false);
      const [removed] = await eventsOf(out.jobId);
      expect(removed).toMatchObject({
        action: "jumpcloud.group.member_removed",
        outcome: "success",
        before: { memberId: m!._id, member: true },
        after: { member: false },
      });
      expect(removeGroupMember.inverse?.items(removed as unknown as UndoableEvent)).toEqual([
        { kind: "user_group", groupId: group.id, memberId: m!._id },
      ]);
      expect(await edge("user_group_member", `${group.id}|${m!._id}`)).toMatchObject({ deletedAt: expect.any(Date) });
      await expectSyncFindsNothingNew();
    },
  );

  it(
    "JumpCloud's refusal of a stale row is the row's message; " + "rows in doubt are checked against the user's groups",
    async () => {
      const group = [...org().userGroups.values()].find((g) => (org().members.get(g.id)?.size ?? 0) > 0)!;
      const [p, q, r] = pickUsers(3, (u) => !org().members.get(group.id)!.has(u._id));
      const res = await planAndConfirm("jumpcloud.group.member_added", `email,group\n${p!.email},${group.name}\n`);
      // Added at JumpCloud after the last sync: JumpCloud refuses the second add.
      addMember(org(), group.id, p!._id);
      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      expect((await rowsOf(res.jobId))[0]).toMatchObject({
        status: "failed",
        vendorMessage: `JumpCloud answered: user ${p!._id} is already a member of user group ${group.id} (HTTP 409)`,
      });
      expect((await eventsOf(res.jobId))[0]).toMatchObject({
        outcome: "failure",
        reason: expect.stringContaining("already a member"),
      });
      expect((await h.run()).status).toBe("succeeded");

      const doubt = await planAndConfirm(
        "jumpcloud.group.member_added",
        `email,group\n${q!.email},${group.name}\n${r!.email},${group.name}\n`,
      );
      addMember(org(), group.id, q!._id); // q's add reached JumpCloud before the crash; r's did not
      await leaveInFlight(doubt.jobId, [2, 3]);
      expect(await applyBulkJob(h.t.db, doubt.jobId)).toBe("completed");
      expect((await rowsOf(doubt.jobId)).map((x) => [x.status, x.attempts])).toEqual([
        ["succeeded", 1],
        ["succeeded", 2],
      ]);
      expect(org().members.get(group.id)!.has(r!._id)).toBe(true);
      expect(await edge("user_group_member", `${group.id}|${q!._id}`)).toMatchObject({ deletedAt: null });
      await expectSyncFindsNothingNew();

      // Removed at JumpCloud after the last sync: JumpCloud's 404 is the outcome asked for, and no undo adds q back.
      const gone = await planAndConfirm(
        "jumpcloud.group.member_removed",
        `email,group
${q!.email},${group.name}
`,
      );
      expect(gone.counts).toMatchObject({ update: 1 });
      removeMember(org(), group.id, q!._id);
      expect(await applyBulkJob(h.t.db, gone.jobId)).toBe("completed");
      expect((await rowsOf(gone.jobId))[0]).toMatchObject({
        status: "succeeded",
        vendorMessage: `JumpCloud: ${q!.email} was not in ${group.name} any more.`,
      });
      const [event] = await eventsOf(gone.jobId);
      expect(event).toMatchObject({ outcome: "success", after: { memberId: q!._id, member: false, wasMember: false } });
      expect(removeGroupMember.inverse?.items(event as unknown as UndoableEvent)).toBeNull();
      expect(await edge("user_group_member", `${group.id}|${q!._id}`)).toMatchObject({ deletedAt: expect.any(Date) });
      await expectSyncFindsNothingNew();
    },
  );
});

describe("JumpCloud bulk system group membership", () => {
  it("adds systems to system groups by hostname and group name, and a row names a user or a system", async () => {
    const group = [...org().systemGroups.values()][0]!;
    const inGroup = (id: string) => org().members.get(group.id)?.has(id) ?? false;
    const system = [...org().systems.values()].find((x) => x.hostname && !inGroup(x._id))!;
    const userGroup = [...org().userGroups.values()][0]!;
    const [u] = pickUsers(1);
    const res = await planAndConfirm(
      "jumpcloud.group.member_added",
      [
        "email,system,group",
        `,${system.hostname!.toUpperCase()},${group.name}`,
        `,${system.hostname},${userGroup.name}`, // a user group: no system joins one
        `${u!.email},${system.hostname},${group.name}`,
        `,,${group.name}`,
        `,no-such-host,${group.name}`,
      ].join("\n"),
    );
    expect(res.counts).toMatchObject({ update: 1, error: 4 });
    const planned = await rowsOf(res.jobId);
    expect(planned[0]).toMatchObject({
      before: { kind: "system_group", groupId: group.id, memberId: system._id, member: false },
    });
    expect(planned[1]!.planError).toMatch(/^Unknown group: .* is not a JumpCloud system group/);
    expect(planned[2]!.planError).toMatch(/one of the two/);
    expect(planned[3]!.planError).toMatch(/one of the two/);
    expect(planned[4]!.planError).toMatch(/^Unknown system: no-such-host/);
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    expect(inGroup(system._id)).toBe(true);
    const [event] = await eventsOf(res.jobId);
    expect(event).toMatchObject({ action: "jumpcloud.group.member_added", outcome: "success" });
    expect(addGroupMember.inverse?.items(event as unknown as UndoableEvent)).toEqual([
      { kind: "system_group", groupId: group.id, memberId: system._id },
    ]);
    await expectSyncFindsNothingNew();

    const removal = await planAndConfirm(
      "jumpcloud.group.member_removed",
      `system,group\n${system._id},${group.name}\n`,
    );
    expect(removal.counts).toMatchObject({ update: 1 });
    expect(await applyBulkJob(h.t.db, removal.jobId)).toBe("completed");
    expect(inGroup(system._id)).toBe(false);
  });
});

describe("JumpCloud system commands from a CSV", () => {
  it("sends the command to each system a row names, as the system page does; an erase takes no sheet", async () => {
    const [a, b] = [...org().systems.values()].filter((x) => x.hostname);
    const sent = org().commands.length;
    const res = await planAndConfirm(
      "jumpcloud.system.restarted",
      `hostname\n${a!.hostname!.toUpperCase()}\n${b!._id}\nno-such-host\n${a!.hostname}\n`,
    );
    expect(res.counts).toMatchObject({ update: 2, error: 2, duplicate: 1 });
    expect((await rowsOf(res.jobId))[2]!.planError).toMatch(/^Unknown system: no-such-host/);
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    // Rows are applied several at a time, so the commands reach JumpCloud in either order: each system once.
    expect(
      org()
        .commands.slice(sent)
        .map((c) => [c.target, c.command])
        .sort(),
    ).toEqual(
      [
        [`system:${a!._id}`, "restart"],
        [`system:${b!._id}`, "restart"],
      ].sort(),
    );
    const events = await eventsOf(res.jobId);
    expect(events.map((e) => [e.action, e.outcome, e.after])).toEqual([
      ["jumpcloud.system.restarted", "success", { command: "restart", via: "builtin" }],
      ["jumpcloud.system.restarted", "success", { command: "restart", via: "builtin" }],
    ]);
    expect(eventFor(events, a!._id).before).toMatchObject({ name: a!.displayName || a!.hostname });
    expect(bulkOperation("jumpcloud.system.erased")).toBeNull();
  });
});

describe("JumpCloud bulk user-system associations", () => {
  it(
    "associates and removes users and systems by hostname, display name or ID; " +
      "unknown and ambiguous systems are refused",
    async () => {
      const [u] = pickUsers(1);
      const bound = new Set([...(org().associations.get(nodeKey("user", u!._id)) ?? [])].map(([k]) => k));
      const systems = [...org().systems.values()];
      const laptop = systems.find((s) => bound.has(nodeKey("system", s._id)))!;
      const [s1, s2, s3] = systems.filter((s) => !bound.has(nodeKey("system", s._id)) && s.hostname !== s.displayName);
      // Two systems share a display name: the name is ambiguous, the ID is not.
      org().systems.set(s3!._id, { ...s3!, displayName: s2!.displayName });
      expect((await h.run()).status).toBe("succeeded");

      const res = await planAndConfirm(
        "jumpcloud.association.added",
        [
          "email,hostname",
          `${u!.email},${s1!.hostname.toUpperCase()}`,
          `${u!.email},${laptop.displayName}`,
          `${u!.email},${s2!.displayName}`,
          `${u!.email},${s3!._id}`,
          `${u!.email},no-such-host.example`,
          `ghost@nowhere.example,${s1!.hostname}`,
          `${u!.email},`,
          `${u!.email},${s1!.hostname}`,
        ].join("\n"),
      );
      expect(res.counts).toMatchObject({ update: 2, no_change: 1, error: 5, duplicate: 1 });
      const planned = await rowsOf(res.jobId);
      expect(planned[0]).toMatchObject({
        before: { fromType: "user", fromId: u!._id, toType: "system", toId: s1!._id, associated: false },
        after: { associated: true },
      });
      expect(planned[2]!.planError).toMatch(/^Ambiguous system: 2 JumpCloud systems are named/);
      expect(planned[3]).toMatchObject({ plan: "update", before: { toId: s3!._id } });
      expect(planned[4]!.planError).toMatch(/^Unknown system: no-such-host.example/);
      expect(planned.slice(5).map((r) => r.planError)).toEqual([
        expect.stringMatching(/^Unknown user: /),
        expect.stringMatching(/^system: /),
        "Duplicate of row 2 in this file.",
      ]);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      const now = org().associations.get(nodeKey("user", u!._id))!;
      expect([now.has(nodeKey("system", s1!._id)), now.has(nodeKey("system", s3!._id))]).toEqual([true, true]);
      const events = await eventsOf(res.jobId);
      expect(events).toHaveLength(2);
      const added = eventFor(events, s1!._id);
      expect(added).toMatchObject({
        action: "jumpcloud.association.added",
        outcome: "success",
        before: { fromType: "user", fromId: u!._id, toType: "system", toId: s1!._id, associated: false },
        after: { associated: true },
      });
      expect(targetsOf(added).map((t) => [t.type, t.id])).toEqual([
        ["jumpcloud_user", u!._id],
        ["jumpcloud_system", s1!._id],
      ]);
      // The associations page's undo takes the bulk row as it takes its own.
      expect(addAssociation.inverse?.op).toBe("jumpcloud.association.removed");
      expect(addAssociation.inverse?.items(added as unknown as UndoableEvent)).toEqual([
        { fromType: "user", fromId: u!._id, toType: "system", toId: s1!._id },
      ]);
      expect(await edge("association", `user:${u!._id}|system:${s1!._id}`)).toMatchObject({
        deletedAt: null,
        attributes: null,
      });
      await expectSyncFindsNothingNew();

      const out = await planAndConfirm(
        "jumpcloud.association.removed",
        `email,system\n${u!.email},${s1!.displayName}\n${u!.email},${s2!.hostname}\n`,
      );
      expect(out.counts).toMatchObject({ update: 1, no_change: 1 });
      expect(await applyBulkJob(h.t.db, out.jobId)).toBe("completed");
      expect(org().associations.get(nodeKey("user", u!._id))!.has(nodeKey("system", s1!._id))).toBe(false);
      const [removed] = await eventsOf(out.jobId);
      expect(removed).toMatchObject({
        action: "jumpcloud.association.removed",
        outcome: "success",
        before: { toId: s1!._id, associated: true },
      });
      expect(removeAssociation.inverse?.items(removed as unknown as UndoableEvent)).toEqual([
        { fromType: "user", fromId: u!._id, toType: "system", toId: s1!._id },
      ]);
      expect(await edge("association", `user:${u!._id}|system:${s1!._id}`)).toMatchObject({
        deletedAt: expect.any(Date),
      });
      await expectSyncFindsNothingNew();

      // Unbound at JumpCloud after the last sync: JumpCloud's 404 is the outcome asked for, and no undo binds it again.
      const gone = await planAndConfirm("jumpcloud.association.removed", `email,system\n${u!.email},${s3!._id}\n`);
      expect(gone.counts).toMatchObject({ update: 1 });
      dissociate(org(), nodeKey("user", u!._id), nodeKey("system", s3!._id));
      expect(await applyBulkJob(h.t.db, gone.jobId)).toBe("completed");
      expect((await rowsOf(gone.jobId))[0]).toMatchObject({
        status: "succeeded",
        vendorMessage: expect.stringMatching(/was not bound to .* any more\.$/),
      });
      const [unbound] = await eventsOf(gone.jobId);
      expect(unbound).toMatchObject({
        outcome: "success",
        after: { toId: s3!._id, associated: false, wasBound: false },
      });
      expect(removeAssociation.inverse?.items(unbound as unknown as UndoableEvent)).toBeNull();
      expect(await edge("association", `user:${u!._id}|system:${s3!._id}`)).toMatchObject({
        deletedAt: expect.any(Date),
      });
      await expectSyncFindsNothingNew();
    },
  );

  it(
    "a fault fails the row with JumpCloud's words; " + "a row in doubt is checked against the user's associations",
    async () => {
      const [u] = pickUsers(1);
      const bound = new Set([...(org().associations.get(nodeKey("user", u!._id)) ?? [])].map(([k]) => k));
      const [s1, s2] = [...org().systems.values()].filter(
        (s) => !bound.has(nodeKey("system", s._id)) && !s.hostname.includes("IPH"),
      );
      const res = await planAndConfirm("jumpcloud.association.added", `email,system\n${u!.email},${s1!.hostname}\n`);
      await setFaults({ errorRate: 1 });
      try {
        expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      } finally {
        await setFaults({ errorRate: 0 });
      }
      expect((await rowsOf(res.jobId))[0]).toMatchObject({
        status: "failed",
        vendorMessage: expect.stringMatching(/^JumpCloud answered: .*\(HTTP 5\d\d\)$/),
      });
      expect(org().associations.get(nodeKey("user", u!._id))!.has(nodeKey("system", s1!._id))).toBe(false);

      const doubt = await planAndConfirm(
        "jumpcloud.association.added",
        `email,system\n${u!.email},${s1!.hostname}\n${u!.email},${s2!.hostname}\n`,
      );
      associate(org(), nodeKey("user", u!._id), nodeKey("system", s1!._id)); // reached JumpCloud before the crash
      await leaveInFlight(doubt.jobId, [2, 3]);
      expect(await applyBulkJob(h.t.db, doubt.jobId)).toBe("completed");
      expect((await rowsOf(doubt.jobId)).map((x) => [x.status, x.attempts])).toEqual([
        ["succeeded", 1],
        ["succeeded", 2],
      ]);
      expect(org().associations.get(nodeKey("user", u!._id))!.has(nodeKey("system", s2!._id))).toBe(true);
      await expectSyncFindsNothingNew();
    },
  );
});

describe("JumpCloud bulk user details and deletes", () => {
  it(
    "sets the columns a row fills (an empty cell leaves the field), plans the rest as no change, " +
      "and each row's undo restores the old values",
    async () => {
      const [a, b] = pickUsers(2);
      const csv = [
        "Email,First Name,Department,Job Title",
        `${a!.email},,Audit,Controller`,
        `${b!.email},${b!.firstname},${b!.department ?? ""},${b!.jobTitle ?? ""}`, // as it is: no change
        "ghost@nowhere.example,,Audit,",
      ].join("\n");
      const was = { department: a!.department ?? "", jobTitle: a!.jobTitle ?? "" };
      const res = await planAndConfirm("jumpcloud.user.updated", csv);
      expect(res.counts).toMatchObject({ update: 1, no_change: 1, error: 1 });
      const planned = await rowsOf(res.jobId);
      expect(planned[0]).toMatchObject({
        before: { userId: a!._id, was },
        after: { department: "Audit", jobTitle: "Controller" },
      });
      expect(planned[2]!.planError).toMatch(/^Unknown user: ghost@nowhere.example/);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      expect(simUser(a!._id)).toMatchObject({ firstname: a!.firstname, department: "Audit", jobTitle: "Controller" });
      const [event] = await eventsOf(res.jobId);
      expect(event).toMatchObject({
        action: "jumpcloud.user.updated",
        outcome: "success",
        before: was,
        after: { department: "Audit", jobTitle: "Controller" },
      });
      expect(updateUser.inverse?.items(event as unknown as UndoableEvent)).toEqual([{ userId: a!._id, ...was }]);
      expect((await cachedUser(a!._id)).raw).toMatchObject({ department: "Audit" });
      await expectSyncFindsNothingNew();
    },
  );

  it("a username column sets the username, not the user to find", async () => {
    const [a] = pickUsers(1);
    const res = await planAndConfirm("jumpcloud.user.updated", `username,email\n${a!.username}.x,${a!.email}\n`);
    expect(res.counts).toMatchObject({ update: 1 });
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    expect(simUser(a!._id).username).toBe(`${a!.username}.x`);
  });

  it("deletes the users a sheet names, as they were; JumpCloud refusing a manager fails the row", async () => {
    const [a, manager, report] = pickUsers(3);
    simUser(report!._id).manager = manager!._id;
    expect((await h.run()).status).toBe("succeeded");
    const res = await planAndConfirm(
      "jumpcloud.user.deleted",
      `email,clearManagerOnReports\n${a!.email},\n${manager!.email},no\nghost@nowhere.example,\n`,
    );
    expect(res.counts).toMatchObject({ update: 2, error: 1 });
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    const [gone, refused] = await rowsOf(res.jobId);
    expect(gone).toMatchObject({ status: "succeeded" });
    expect(org().users.has(a!._id)).toBe(false);
    expect(refused).toMatchObject({ status: "failed", vendorMessage: expect.stringMatching(/^JumpCloud answered: /) });
    expect(org().users.has(manager!._id)).toBe(true);
    const [event] = (await eventsOf(res.jobId)).filter((e) => e.outcome === "success");
    expect(event).toMatchObject({
      action: "jumpcloud.user.deleted",
      before: { email: a!.email, username: a!.username, state: "ACTIVATED" },
      after: { deleted: true },
    });
    expect((await cachedUser(a!._id)).deletedAt).not.toBeNull();

    const again = await planAndConfirm("jumpcloud.user.deleted", `email,clear manager\n${manager!.email},yes\n`);
    expect(await applyBulkJob(h.t.db, again.jobId)).toBe("completed");
    expect(org().users.has(manager!._id)).toBe(false);
    expect(simUser(report!._id).manager).toBeFalsy();
  });
});

describe("JumpCloud bulk user group associations", () => {
  it("binds a user group to a system by name, and a row names a user or a group, one of the two", async () => {
    // The cache as JumpCloud has it now (an earlier test renamed a user: their edges' labels follow at a sync).
    expect((await h.run()).status).toBe("succeeded");
    const group = [...org().userGroups.values()].at(-1)!;
    const system = [...org().systems.values()].find(
      (x) => x.hostname && !org().associations.get(nodeKey("user_group", group.id))?.has(nodeKey("system", x._id)),
    )!;
    const res = await planAndConfirm(
      "jumpcloud.association.added",
      [
        "email,group,system",
        `,${group.name.toUpperCase()},${system.hostname}`,
        `,No Such Group,${system.hostname}`,
        `someone@northwind.example,${group.name},${system.hostname}`,
      ].join("\n"),
    );
    expect(res.counts).toMatchObject({ update: 1, error: 2 });
    const planned = await rowsOf(res.jobId);
    expect(planned[0]).toMatchObject({
      before: { fromType: "user_group", fromId: group.id, toType: "system", toId: system._id, associated: false },
    });
    expect(planned[1]!.planError).toMatch(/^Unknown group: No Such Group/);
    expect(planned[2]!.planError).toMatch(/one of the two/);
    expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
    expect(org().associations.get(nodeKey("user_group", group.id))?.has(nodeKey("system", system._id))).toBe(true);
    const [event] = await eventsOf(res.jobId);
    expect(addAssociation.inverse?.items(event as unknown as UndoableEvent)).toEqual([
      { fromType: "user_group", fromId: group.id, toType: "system", toId: system._id },
    ]);
    await expectSyncFindsNothingNew();
  });
});
