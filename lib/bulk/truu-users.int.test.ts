import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TruuSim } from "../../sim/truu";
import { type BulkHarness, truuBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, planConfirmed } from "../../test/bulk-jobs";
import type { SyncHarness } from "../../test/sync-harness";
import { applyBulkJob } from "./apply";
import { planBulkJob } from "./plan";

let truu: BulkHarness<TruuSim> & { faults: (f: object) => Promise<void>; resetFaults: () => Promise<void> };
let h: SyncHarness;
let staffId: string;

const enc = (s: string) => new TextEncoder().encode(s);
const rowsOf = (jobId: string) => bulkRowsOf(h.t.db, jobId);
const atTruu = (guid: string) => truu.sim.state.userByGuid(guid);
/** Users with devices not used by an earlier test yet. */
const used = new Set<string>();
const fresh = (n: number) => {
  const out = truu.sim.state.users.filter((u) => u.devices.length > 0 && !used.has(u.guid)).slice(0, n);
  for (const u of out) used.add(u.guid);
  expect(out).toHaveLength(n);
  return out;
};

const planAndConfirm = (csv: string) =>
  planConfirmed(h.t.db, { tenantId: h.tenantId, staffId, operationId: "truu.user.deleted", csv, fileName: "u.csv" });

beforeAll(async () => {
  const harness = await truuBulkHarness("operator");
  const faults = async (f: object) => {
    await fetch(`${harness.url}/__sim/faults`, { method: "PUT", body: JSON.stringify(f) });
  };
  truu = { ...harness, faults, resetFaults: () => faults({ errorRate: 0 }) };
  h = truu.h;
  staffId = truu.staffId;
});
afterAll(async () => {
  await truu?.close();
});

describe("TruU bulk user deletes", () => {
  it(
    "plans by UPN or GUID, flags unknown, invalid and duplicate rows, deletes users with their devices, " +
      "audits as the user page does and marks the cache",
    async () => {
      const [a, b] = fresh(2);
      const aDevices = a!.devices.map((d) => d.deviceId).sort();
      const csv =
        `User Principal Name\n${a!.upn.toUpperCase()}\n${b!.guid}\nghost@nowhere.example\n` +
        `${"x".repeat(400)}\n${a!.upn}\n${a!.guid}\n`;
      const res = await planAndConfirm(csv);
      expect(res.counts).toMatchObject({ update: 2, error: 4, duplicate: 1, no_change: 0 });
      const rows = await rowsOf(res.jobId);
      expect(rows.map((r) => r.plan)).toEqual(["update", "update", "error", "error", "error", "error"]);
      expect(rows[0]).toMatchObject({
        before: { guid: a!.guid, upn: a!.upn, devices: expect.any(Array) },
        after: { deleted: true, devicesDeleted: a!.devices.length },
      });
      expect((rows[0]!.before as { devices: { vendorId: string }[] }).devices.map((d) => d.vendorId).sort()).toEqual(
        aDevices,
      );
      expect(rows[2]!.planError).toMatch(/^Unknown user: ghost@nowhere.example/);
      expect(rows[3]!.planError).toMatch(/^user: /);
      expect(rows[4]!.planError).toBe("Duplicate of row 2 in this file.");
      expect(rows[5]!.planError).toMatch(/^Same TruU user/);
      // Planning sends nothing.
      expect(atTruu(a!.guid) && atTruu(b!.guid)).toBeTruthy();

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      const done = await rowsOf(res.jobId);
      expect(done.slice(0, 2).map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
      expect(done[0]!.vendorMessage).toBe(`Deleted with ${aDevices.length} device${aDevices.length === 1 ? "" : "s"}.`);
      expect(atTruu(a!.guid)).toBeUndefined();
      expect(atTruu(b!.guid)).toBeUndefined();
      for (const id of aDevices) expect(truu.sim.state.devices.find((d) => d.deviceId === id)).toBeUndefined();

      const events = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId }, orderBy: { seq: "asc" } });
      expect(events).toHaveLength(2);
      const ev = events.find((e) => (e.targets as { id: string }[])[0]!.id === a!.guid)!;
      expect(ev).toMatchObject({
        action: "truu.user.deleted",
        outcome: "success",
        vendor: "truu",
        targets: [
          { type: "truu_user", id: a!.guid, label: a!.upn },
          ...aDevices.map(() => ({ type: "truu_device", id: expect.any(String) })),
        ],
        before: { upn: a!.upn, displayName: a!.displayName },
        after: { deleted: true, devicesDeleted: aDevices.length },
      });
      expect(Object.keys(ev.before as object).sort()).toEqual(["devices", "displayName", "email", "upn"]);
      expect(
        (ev.targets as { id: string }[])
          .slice(1)
          .map((t) => t.id)
          .sort(),
      ).toEqual(aDevices);

      // The cache: users and their devices marked deleted at once, as the console's delete does.
      const cachedUsers = await h.t.db.truuUser.findMany({
        where: { tenantId: h.tenantId, vendorId: { in: [a!.guid, b!.guid] } },
      });
      expect(cachedUsers.map((u) => u.deletedAt !== null)).toEqual([true, true]);
      expect(
        await h.t.db.truuDevice.count({
          where: { tenantId: h.tenantId, userGuid: { in: [a!.guid, b!.guid] }, deletedAt: null },
        }),
      ).toBe(0);
      // The next sync agrees: nothing comes back.
      expect((await h.run()).status).toBe("succeeded");
      expect(
        await h.t.db.truuUser.count({
          where: { tenantId: h.tenantId, vendorId: { in: [a!.guid, b!.guid] }, deletedAt: null },
        }),
      ).toBe(0);

      // The same file again: the users are already deleted, nothing to send.
      const again = await planBulkJob(h.t.db, {
        tenantId: h.tenantId,
        operationId: "truu.user.deleted",
        fileName: "u.csv",
        bytes: enc(`upn\n${a!.upn}\n${b!.guid}\n`),
        staffId,
      });
      expect(again).toMatchObject({ ok: true, counts: { no_change: 2, update: 0 } });
    },
  );

  it("does not delete a user whose devices changed since the plan", async () => {
    const [c] = fresh(1);
    const { jobId } = await planAndConfirm(`upn\n${c!.upn}\n`);
    // A sync after the plan finds the devices changed (here: one the plan listed is no longer the user's).
    await h.t.db.truuDevice.updateMany({
      where: { tenantId: h.tenantId, vendorId: c!.devices[0]!.deviceId },
      data: { userGuid: "someone-else" },
    });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await h.t.db.truuDevice.updateMany({
        where: { tenantId: h.tenantId, vendorId: c!.devices[0]!.deviceId },
        data: { userGuid: c!.guid },
      });
    }
    expect((await rowsOf(jobId))[0]).toMatchObject({
      status: "failed",
      vendorMessage: expect.stringMatching(/devices changed since the plan/),
    });
    expect(atTruu(c!.guid)).toBeDefined();
  });

  it("a TruU failure fails the row with TruU's words and deletes nothing", async () => {
    const [d] = fresh(1);
    const { jobId } = await planAndConfirm(`upn\n${d!.upn}\n`);
    await truu.faults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await truu.resetFaults();
    }
    const [row] = await rowsOf(jobId);
    expect(row).toMatchObject({ status: "failed", vendorMessage: expect.stringMatching(/HTTP 5\d\d/) });
    expect(atTruu(d!.guid)).toBeDefined();
    expect(
      await h.t.db.truuUser.findFirstOrThrow({ where: { tenantId: h.tenantId, vendorId: d!.guid } }),
    ).toMatchObject({ deletedAt: null });
    expect(await h.t.db.auditEvent.findFirst({ where: { jobId } })).toMatchObject({ outcome: "failure", after: null });
  });

  it(
    "after a crash, asks TruU whether each row in flight applied: done rows succeed, others are resent once, " +
      "and unanswerable ones end unknown",
    async () => {
      const [e, f, g] = fresh(3);
      const { jobId } = await planAndConfirm(`upn\n${e!.upn}\n${f!.upn}\n`);
      // The console died after TruU deleted e and before it recorded the row; f was in flight but never reached TruU.
      truu.sim.state.deleteUser(e!);
      await h.t.db.bulkRow.updateMany({ where: { jobId }, data: { status: "sending", attempts: 1 } });
      await h.t.db.bulkJob.update({ where: { id: jobId }, data: { status: "running" } });
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
      const rows = await rowsOf(jobId);
      expect(rows[0]).toMatchObject({
        status: "succeeded",
        attempts: 1,
        vendorMessage: expect.stringMatching(/checked at the vendor/),
      });
      expect(rows[1]).toMatchObject({ status: "succeeded", attempts: 2 });
      expect(atTruu(f!.guid)).toBeUndefined();
      expect(await h.t.db.auditEvent.count({ where: { jobId } })).toBe(2);
      expect(
        await h.t.db.truuUser.count({
          where: { tenantId: h.tenantId, vendorId: { in: [e!.guid, f!.guid] }, deletedAt: null },
        }),
      ).toBe(0);

      // TruU cannot be asked: the row is not resent and ends unknown.
      const doubt = await planAndConfirm(`upn\n${g!.upn}\n`);
      await h.t.db.bulkRow.updateMany({ where: { jobId: doubt.jobId }, data: { status: "sending", attempts: 1 } });
      await truu.faults({ errorRate: 1 });
      try {
        expect(await applyBulkJob(h.t.db, doubt.jobId)).toBe("completed");
      } finally {
        await truu.resetFaults();
      }
      expect((await rowsOf(doubt.jobId))[0]).toMatchObject({
        status: "unknown",
        attempts: 1,
        vendorMessage: expect.stringMatching(/not resent/),
      });
      expect(atTruu(g!.guid)).toBeDefined();
    },
  );
});
