import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../sim/jumpcloud";
import { type BulkHarness, jumpcloudBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, planConfirmed, putSimFaults } from "../../test/bulk-jobs";
import type { SyncHarness } from "../../test/sync-harness";
import { applyBulkJob } from "./apply";

const ORG_ID = JUMPCLOUD_SIM_ORG_IDS[0];

let sim: ReturnType<typeof createJumpCloudSim>;
let url: string;
let h: SyncHarness;
let staffId: string;

const simUsers = () => [...sim.state.orgs.get(ORG_ID)!.users.values()];
/** The simulator's user now (it may replace the record on update). */
const stateOf = (id: string) => sim.state.orgs.get(ORG_ID)!.users.get(id)?.state;
const rowsOf = (jobId: string) => bulkRowsOf(h.t.db, jobId);
const setFaults = (f: Record<string, number>) => putSimFaults(url, f);

const planAndConfirm = (operationId: string, csv: string) =>
  planConfirmed(h.t.db, { tenantId: h.tenantId, staffId, operationId, csv });

let env: BulkHarness<ReturnType<typeof createJumpCloudSim>> | undefined;
beforeAll(async () => {
  env = await jumpcloudBulkHarness("operator");
  ({ sim, url, h, staffId } = env);
});
afterAll(() => env?.close());

describe("JumpCloud bulk suspend and reactivate", () => {
  it(
    "plans unknown, unchanged and duplicate rows, suspends the rest at JumpCloud, " +
      "audits them as the user page does and refreshes the cache",
    async () => {
      const active = simUsers().filter((u) => u.state === "ACTIVATED" && u.email);
      const suspended = simUsers().find((u) => u.state === "SUSPENDED" && u.email);
      const [a, b] = active;
      const csv =
        `Email\n${a!.email}\n${b!.email.toUpperCase()}\nghost@nowhere.example\n` +
        `${a!.email}\n${suspended ? `${suspended.email}\n` : ""}`;
      const res = await planAndConfirm("jumpcloud.user.suspended", csv);
      expect(res.counts).toMatchObject({ update: 2, error: 2, duplicate: 1, no_change: suspended ? 1 : 0 });
      const rows = await rowsOf(res.jobId);
      expect(rows[0]).toMatchObject({
        plan: "update",
        before: { userId: a!._id, state: "ACTIVATED" },
        after: { state: "SUSPENDED" },
      });
      expect(rows[2]!.planError).toMatch(/^Unknown user: ghost@nowhere.example/);
      expect(stateOf(a!._id)).toBe("ACTIVATED");

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      expect((await rowsOf(res.jobId)).slice(0, 2).map((r) => [r.status, r.vendorMessage])).toEqual([
        // Named as the cache spells the user, whatever the sheet's case.
        ["succeeded", `JumpCloud: ${a!.email} is SUSPENDED.`],
        ["succeeded", `JumpCloud: ${b!.email} is SUSPENDED.`],
      ]);
      expect([stateOf(a!._id), stateOf(b!._id)]).toEqual(["SUSPENDED", "SUSPENDED"]);

      const events = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId } });
      expect(events).toHaveLength(2);
      for (const e of events)
        expect(e).toMatchObject({
          action: "jumpcloud.user.suspended",
          outcome: "success",
          before: { state: "ACTIVATED" },
          after: { state: "SUSPENDED" },
        });
      expect(events.map((e) => (e.targets as { type: string; id: string }[])[0]!.id).sort()).toEqual(
        [a!._id, b!._id].sort(),
      );
      expect((events[0]!.before as Record<string, unknown>).userId).toBeUndefined();

      const cached = await h.t.db.jumpcloudUser.findMany({
        where: { tenantId: h.tenantId, vendorId: { in: [a!._id, b!._id] } },
      });
      expect(cached.map((u) => u.state)).toEqual(["SUSPENDED", "SUSPENDED"]);
      const drift = () => h.t.db.auditEvent.count({ where: { action: "jumpcloud.user.changed_externally" } });
      const driftBefore = await drift();
      expect((await h.run()).status).toBe("succeeded");
      expect(await drift()).toBe(driftBefore);

      const back = await planAndConfirm("jumpcloud.user.reactivated", `user\n${a!.email}\n${b!.email}\n`);
      expect(back.counts).toMatchObject({ update: 2 });
      expect(await applyBulkJob(h.t.db, back.jobId)).toBe("completed");
      expect([stateOf(a!._id), stateOf(b!._id)]).toEqual(["ACTIVATED", "ACTIVATED"]);
      expect(
        await h.t.db.auditEvent.count({
          where: { jobId: back.jobId, action: "jumpcloud.user.reactivated", outcome: "success" },
        }),
      ).toBe(2);
    },
  );

  it("a row's event and cache hold the user as JumpCloud answered after the change, not as planned", async () => {
    const u = simUsers().find((x) => x.state === "ACTIVATED" && x.email && !x.account_locked)!;
    const { jobId } = await planAndConfirm("jumpcloud.user.suspended", `email\n${u.email}\n`);
    // JumpCloud locks the account after the plan was made (failed sign-ins): the plan still says unlocked.
    sim.state.orgs.get(ORG_ID)!.users.get(u._id)!.account_locked = true;
    expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    const event = await h.t.db.auditEvent.findFirstOrThrow({ where: { jobId } });
    expect(event).toMatchObject({
      outcome: "success",
      before: { state: "ACTIVATED", accountLocked: false },
      after: { state: "SUSPENDED", suspended: true, accountLocked: true },
    });
    const cached = await h.t.db.jumpcloudUser.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: u._id } });
    expect([cached.state, cached.accountLocked]).toEqual(["SUSPENDED", true]);
  });

  it("a JumpCloud failure fails the row with JumpCloud's words and changes nothing", async () => {
    const u = simUsers().find((x) => x.state === "ACTIVATED" && x.email)!;
    const { jobId } = await planAndConfirm("jumpcloud.user.suspended", `email\n${u.email}\n`);
    await setFaults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    const [row] = await rowsOf(jobId);
    expect(row).toMatchObject({
      status: "failed",
      vendorMessage: expect.stringMatching(/^JumpCloud answered: .*HTTP 5\d\d/),
    });
    expect(stateOf(u._id)).toBe("ACTIVATED");
    expect(await h.t.db.auditEvent.findFirst({ where: { jobId } })).toMatchObject({ outcome: "failure" });
  });
});
