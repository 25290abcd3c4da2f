import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../../sim/jumpcloud";
import { type BulkHarness, jumpcloudBulkHarness } from "../../../test/bulk-harness";
import { signedIn } from "../../../test/signed-in";
import type { Staff } from "../../auth/staff";
import { bulkCreateUsers, bulkUnlockUsers, bulkUpdateUsers, scheduleUserStates } from "../../jumpcloud/bulk-actions";
import { INVERSES } from "../../undo/registry";
import { undoEvent } from "../../undo/undo-event";

// The JumpCloud bulk page's jobs through their server actions, against the
// JumpCloud simulator over HTTP: the job JumpCloud starts, the event the bulk
// page lists jobs by (kind, job id, size), the refusals before anything is
// sent, and a scheduled change cancelled by its undo.

vi.mock("../../auth/session", () => import("../../../test/session-as"));
vi.mock("next/headers", () => ({ cookies: async () => new Map(), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("../../auth/auth", () => ({
  signIn: async () => undefined,
  signOut: async () => undefined,
  authSecret: () => "unused",
  SESSION_ABSOLUTE_HOURS: 24,
}));

let jc: BulkHarness<ReturnType<typeof createJumpCloudSim>> & { staff: Staff };
const org = () => jc.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
const lastEvent = (action: string) =>
  jc.h.t.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });
const activeUsers = (n: number, skip: number) =>
  jc.h.t.db.jumpcloudUser.findMany({
    where: { tenantId: jc.h.tenantId, deletedAt: null, state: "ACTIVATED" },
    orderBy: { email: "asc" },
    take: n,
    skip,
  });

beforeAll(async () => {
  jc = await signedIn(jumpcloudBulkHarness("operator"));
}, 300_000);

afterAll(async () => {
  await jc?.close();
});

describe("JumpCloud's bulk jobs", () => {
  it("unlock starts one job for users chosen by id and by email, audited with its id and size", async () => {
    const [a, b] = await activeUsers(2, 0);
    if (!a || !b) throw new Error("no users");
    const res = await bulkUnlockUsers({
      tenantId: jc.h.tenantId,
      userIds: [a.vendorId],
      emails: ` ${b.email.toUpperCase()}\n`,
    });
    expect(res).toMatchObject({ ok: true, data: { count: 2 } });
    const jobId = res.ok ? res.data.jobId : "";
    expect(org()?.bulkJobs.get(jobId)?.kind).toBe("unlock");
    const event = await lastEvent("jumpcloud.bulk.users_unlocked");
    expect(event).toMatchObject({
      outcome: "success",
      vendor: "jumpcloud",
      after: { kind: "unlock", jobId, count: 2 },
    });
    // Each user as the last sync saw them: whether they were locked before the job.
    expect((event.before as { users: { id: string }[] }).users).toEqual(
      expect.arrayContaining(
        [a, b].map((u) => ({
          id: u.vendorId,
          email: u.email,
          state: u.state,
          accountLocked: (u.raw as { account_locked?: boolean }).account_locked ?? null,
          passwordExpired: (u.raw as { password_expired?: boolean }).password_expired ?? null,
        })),
      ),
    );
    expect(event.targets).toEqual(
      expect.arrayContaining([
        { type: "jumpcloud_user", id: a.vendorId, label: a.email },
        { type: "jumpcloud_user", id: b.vendorId, label: b.email },
      ]),
    );
  });

  it("refuses emails the last sync did not see, and an empty choice, before anything is sent", async () => {
    const jobs = org()?.bulkJobs.size;
    const unknown = await bulkUnlockUsers({ tenantId: jc.h.tenantId, emails: "nobody@nowhere.example" });
    expect(unknown).toEqual({
      ok: false,
      error: "Not JumpCloud users of this tenant (as of the last sync): nobody@nowhere.example",
    });
    expect(await lastEvent("jumpcloud.bulk.users_unlocked")).toMatchObject({ outcome: "failure", vendor: "jumpcloud" });
    expect(await bulkUnlockUsers({ tenantId: jc.h.tenantId, emails: " " })).toEqual({
      ok: false,
      error: "Choose at least one user.",
    });
    expect(org()?.bulkJobs.size).toBe(jobs);
  });

  it("a scheduled suspension records JumpCloud's ids, and its undo cancels them", async () => {
    const [u] = await activeUsers(1, 5);
    if (!u) throw new Error("no user");
    const startDate = "2031-01-15T09:30:00.000Z";
    const res = await scheduleUserStates({ tenantId: jc.h.tenantId, emails: u.email, state: "SUSPENDED", startDate });
    expect(res).toMatchObject({ ok: true, data: { count: 1, scheduledDate: startDate } });
    const scheduled = [...(org()?.scheduledStates.values() ?? [])].filter((s) => s.systemUserId === u.vendorId);
    expect(scheduled).toHaveLength(1);
    const ids = scheduled.map((s) => s.scheduledJobId);
    expect(await lastEvent("jumpcloud.bulk.states_scheduled")).toMatchObject({
      after: { kind: "states", state: "SUSPENDED", startDate, count: 1, scheduledJobIds: ids },
    });
    expect(await undoEvent(jc.h.t.db, jc.staff, res.ok ? (res.eventId ?? "") : "", INVERSES)).toMatchObject({
      ok: true,
    });
    expect([...(org()?.scheduledStates.values() ?? [])].filter((s) => s.systemUserId === u.vendorId)).toEqual([]);
    const cancelled = await lastEvent("jumpcloud.bulk.states_cancelled");
    expect(cancelled).toMatchObject({ outcome: "success", after: { cancelled: ids } });
    expect(cancelled.targets).toEqual(expect.arrayContaining([{ type: "jumpcloud_scheduled_state", id: ids[0] }]));
  });

  it("update sends only what differs from the last sync, keeps former values; its undo sets them back", async () => {
    const [a, b] = await activeUsers(2, 10);
    if (!a || !b) throw new Error("no users");
    const raw = (u: typeof a) => u.raw as { department?: string; jobTitle?: string };
    const updates = [
      "Email,Department,Job Title",
      `${a.email},Audit,"Controller, EMEA"`,
      `${b.email.toUpperCase()},${raw(b).department ?? ""},`, // as it is: nothing to send for b
    ].join("\n");
    const res = await bulkUpdateUsers({ tenantId: jc.h.tenantId, updates });
    expect(res).toMatchObject({ ok: true, data: { count: 1 } });
    const jobId = res.ok ? res.data.jobId : "";
    expect(org()?.bulkJobs.get(jobId)).toMatchObject({
      kind: "update",
      items: [{ id: a.vendorId, department: "Audit", jobTitle: "Controller, EMEA" }],
    });
    const was = { department: raw(a).department ?? "", jobTitle: raw(a).jobTitle ?? "" };
    const event = await lastEvent("jumpcloud.bulk.users_updated");
    expect(event).toMatchObject({
      outcome: "success",
      before: { users: [{ id: a.vendorId, email: a.email, was }] },
      after: { kind: "update", jobId, count: 1 },
    });

    const undone = await undoEvent(jc.h.t.db, jc.staff, res.ok ? (res.eventId ?? "") : "", INVERSES);
    expect(undone).toMatchObject({ ok: true });
    const back = await lastEvent("jumpcloud.bulk.users_updated");
    const backJob = (back.after as { jobId: string }).jobId;
    expect(org()?.bulkJobs.get(backJob)?.items).toEqual([{ id: a.vendorId, ...was }]);

    const bad = await bulkUpdateUsers({ tenantId: jc.h.tenantId, updates: "email,shoeSize\na@x.example,9" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { updates: [expect.stringContaining("not shoesize")] } });
    const unknown = await bulkUpdateUsers({ tenantId: jc.h.tenantId, updates: "email,department\nghost@x.example,A" });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining("ghost@x.example") });
  });

  it("create reads pasted lines as CSV: a bad line is named and nothing sent; good lines start a job", async () => {
    const jobs = org()?.bulkJobs.size;
    const bad = await bulkCreateUsers({ tenantId: jc.h.tenantId, users: "a@x.example,a,A,B,extra" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { users: [expect.stringContaining("Line 1")] } });
    expect(org()?.bulkJobs.size).toBe(jobs);
    const users = "email,username\nnew.one@northwind.example,newone\nnew.two@northwind.example,newtwo";
    const res = await bulkCreateUsers({ tenantId: jc.h.tenantId, users });
    expect(res).toMatchObject({ ok: true, data: { count: 2 } });
    const jobId = res.ok ? res.data.jobId : "";
    expect(org()?.bulkJobs.get(jobId)?.kind).toBe("create");
    expect(await lastEvent("jumpcloud.bulk.users_created")).toMatchObject({
      targets: [
        { type: "jumpcloud_user", id: "new.one@northwind.example", label: "newone" },
        { type: "jumpcloud_user", id: "new.two@northwind.example", label: "newtwo" },
      ],
      after: { kind: "create", jobId, count: 2, emails: ["new.one@northwind.example", "new.two@northwind.example"] },
    });
  });
});
