import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TruGridSim } from "../../sim/trugrid";
import { type BulkHarness, trugridBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, planConfirmed, putSimFaults } from "../../test/bulk-jobs";
import type { SyncHarness } from "../../test/sync-harness";
import { applyBulkJob, bulkProgress } from "./apply";
import { planBulkJob } from "./plan";

let sim: TruGridSim;
let url: string;
let h: SyncHarness;
let staffId: string;

const enc = (s: string) => new TextEncoder().encode(s);
const domainState = () => sim.state.domains.values().next().value!;
const users = () => [...domainState().users.values()].filter((u) => u.synced);

const planAndConfirm = (operationId: string, csv: string, changeReason?: string) =>
  planConfirmed(h.t.db, { tenantId: h.tenantId, staffId, operationId, csv, changeReason });
const rowsOf = (jobId: string) => bulkRowsOf(h.t.db, jobId);
const setFaults = (f: Record<string, number>) => putSimFaults(url, f);

let env: BulkHarness<TruGridSim> | undefined;
beforeAll(async () => {
  env = await trugridBulkHarness("operator");
  ({ sim, url, h, staffId } = env);
});
afterAll(() => env?.close());

describe("bulk plan", () => {
  it("validates each row with its line, flags duplicates and unknown users, and sends nothing", async () => {
    const [a, b] = users().filter((u) => !u.isAdmin);
    const csv =
      `UPN,extra\n${a!.upn},x\nnot-an-email,x\n${b!.upn.toUpperCase()},x\n\n` +
      `ghost@nowhere.example,x\n${b!.upn},x\n`;
    const bad = await planBulkJob(h.t.db, {
      tenantId: h.tenantId,
      operationId: "trugrid.mfa.turned_off",
      fileName: "t.csv",
      bytes: enc(csv),
      staffId,
    });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining("unknown column: extra") });

    const before = a!.mfaEnabled;
    const res = await planBulkJob(h.t.db, {
      tenantId: h.tenantId,
      operationId: "trugrid.mfa.turned_off",
      fileName: "t.csv",
      bytes: enc(csv.replace(/,x/g, "").replace("UPN,extra", "UPN")),
      staffId,
    });
    expect(res).toMatchObject({ ok: true, counts: { update: 2, error: 3, duplicate: 1, create: 0, no_change: 0 } });
    if (!res.ok) return;
    const rows = await rowsOf(res.jobId);
    expect(rows.map((r) => [r.line, r.plan, r.status])).toEqual([
      [2, "update", "pending"],
      [3, "error", "skipped"],
      [4, "update", "pending"],
      [6, "error", "skipped"],
      [7, "error", "skipped"],
    ]);
    expect(rows[1]!.planError).toMatch(/^upn: Not a valid UPN/);
    expect(rows[3]!.planError).toMatch(/^Unknown UPN: ghost@nowhere.example/);
    expect(rows[4]!.planError).toBe("Duplicate of row 4 in this file.");
    expect(a!.mfaEnabled).toBe(before);
  });
});

describe("bulk plan of a large file", () => {
  it(
    "plans stretch by stretch: duplicates across stretches are flagged, " +
      "every row is stored once with its plan and the job's counts",
    async () => {
      const [a, b] = users().filter((u) => !u.isAdmin);
      const lines = [
        a!.upn,
        ...Array.from({ length: 6000 }, (_, i) => `ghost${i}@nowhere.example`),
        b!.upn,
        a!.upn.toUpperCase(),
      ];
      const res = await planBulkJob(h.t.db, {
        tenantId: h.tenantId,
        operationId: "trugrid.mfa.turned_on",
        fileName: "big.csv",
        bytes: enc(`upn\n${lines.join("\n")}\n`),
        staffId,
      });
      expect(res).toMatchObject({
        ok: true,
        counts: { update: 2, error: 6001, duplicate: 1, create: 0, no_change: 0 },
      });
      if (!res.ok) return;
      const job = await h.t.db.bulkJob.findUniqueOrThrow({ where: { id: res.jobId } });
      expect(job).toMatchObject({
        rowsTotal: 6003,
        planCounts: res.counts,
        status: "planned",
        fileName: "big.csv",
        headers: ["upn"],
        createdById: staffId,
      });
      // Written on node-postgres, read back by Prisma: the time is the same instant (UTC), not shifted by a zone.
      expect(Math.abs(job.createdAt.getTime() - Date.now())).toBeLessThan(120_000);
      const rows = await rowsOf(res.jobId);
      expect(rows.map((r) => r.line)).toEqual(lines.map((_, i) => i + 2));
      expect(rows[0]).toMatchObject({
        plan: "update",
        status: "pending",
        input: { upn: a!.upn },
        before: { mfa: "unknown" },
        after: { mfa: "on" },
        planError: null,
      });
      expect(rows[6001]).toMatchObject({ line: 6003, plan: "update", status: "pending", input: { upn: b!.upn } });
      expect(rows[1]).toMatchObject({
        plan: "error",
        status: "skipped",
        before: null,
        after: null,
        planError: expect.stringMatching(/^Unknown UPN: ghost0@/),
      });
      expect(rows[6002]).toMatchObject({ line: 6004, plan: "error", planError: "Duplicate of row 2 in this file." });
    },
  );
});

describe("bulk plan of malformed files", () => {
  it(
    "stores each row the file cannot read as an error row naming its line and what is wrong; " + "the other rows plan",
    async () => {
      const [a, b, c] = users().filter((u) => !u.isAdmin);
      const bytes = Uint8Array.from([
        ...enc(
          `userUpn,resetPhone\r\n${a!.upn},false\r\n${b!.upn},false,surplus\r\n${c!.upn}\r\nbo"b@x.example,true\r\n`,
        ),
        ...enc("r"),
        0xe9,
        ...enc("n\u00e9@x.example,false\r\n"),
        ...enc("n"),
        0x00,
        ...enc("@x.example,false\r\n"),
        ...enc(`"${b!.upn}","false"\r\n`),
      ]);
      const res = await planBulkJob(h.t.db, {
        tenantId: h.tenantId,
        operationId: "trugrid.mfa.reset",
        fileName: "m.csv",
        bytes,
        staffId,
      });
      expect(res).toMatchObject({ ok: true, counts: { update: 2, error: 5, duplicate: 0 } });
      if (!res.ok) return;
      const rows = await rowsOf(res.jobId);
      expect(rows.map((r) => [r.line, r.plan, r.status, r.planError, r.input])).toEqual([
        [2, "update", "pending", null, { upn: a!.upn, resetPhone: "false" }],
        // Cells that do not line up with the header are kept as read, not by column.
        [3, "error", "skipped", "Line 3: 3 cells where the header has 2", { "#cells": `${b!.upn} · false · surplus` }],
        [4, "error", "skipped", "Line 4: 1 cell where the header has 2", { "#cells": c!.upn }],
        [
          5,
          "error",
          "skipped",
          "Line 5: a quote inside an unquoted cell",
          { upn: 'bo"b@x.example', resetPhone: "true" },
        ],
        [
          6,
          "error",
          "skipped",
          "Line 6: bytes that are not UTF-8 text",
          { upn: "r\uFFFDn\u00e9@x.example", resetPhone: "false" },
        ],
        [
          7,
          "error",
          "skipped",
          "Line 7: a NUL byte (binary data, not text)",
          { upn: "n\uFFFD@x.example", resetPhone: "false" },
        ],
        [8, "update", "pending", null, { upn: b!.upn, resetPhone: "false" }],
      ]);
    },
  );

  it("refuses a file whose unclosed quote would swallow the rows after it, and plans nothing", async () => {
    const before = await h.t.db.bulkJob.count();
    const res = await planBulkJob(h.t.db, {
      tenantId: h.tenantId,
      operationId: "trugrid.mfa.reset",
      fileName: "q.csv",
      bytes: enc('userUpn,resetPhone\na@x.example,"false\nb@x.example,true\n'),
      staffId,
    });
    expect(res).toEqual({
      ok: false,
      error:
        "The quote opened on line 2 is never closed: everything after it would read as one cell. " +
        'Close it, or write a quote meant as text as two ("").',
    });
    expect(await h.t.db.bulkJob.count()).toBe(before);
  });

  it("answers every generated malformed file with a plan or a clear error, never an exception", async () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const cells = [
      '"',
      '""',
      "a@b.example",
      "=cmd|' /C calc'!A0",
      "",
      " ",
      "\t",
      "é@ü.example",
      "x".repeat(400),
      "machine,1",
      ";",
      "\r",
    ];
    const headers = [
      "userUpn",
      "UPN",
      "email,resetPhone",
      "userUpn;groupName;machineName",
      "deviceId",
      "nonsense",
      "",
      "user,machine",
      "email;role",
      "device",
    ];
    const ops = [
      "trugrid.mfa.turned_on",
      "trugrid.mfa.reset",
      "trugrid.machine_association.set",
      "truu.device.deleted",
      "trugrid.assignment.created",
      "truu.user.deleted",
      "twingate.user.role_changed",
      "twingate.device.blocked",
    ];
    for (let i = 0; i < 60; i++) {
      const lines = [
        pick(headers),
        ...Array.from({ length: Math.floor(rand() * 8) }, () =>
          Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(cells)).join(pick([",", ";", "\t"])),
        ),
      ];
      const bytes = new TextEncoder().encode(lines.join(pick(["\n", "\r\n", "\r"])));
      const res = await planBulkJob(h.t.db, {
        tenantId: h.tenantId,
        operationId: pick(ops),
        fileName: `fuzz-${i}.csv`,
        bytes,
        staffId,
      });
      if (!res.ok) expect(res.error.length).toBeGreaterThan(10);
      else expect(Object.values(res.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
  });
});

describe("bulk apply", () => {
  it("sends in chunks, records the vendor's per-row status and one audit event per row linked to the job", async () => {
    const admin = users().find((u) => u.isAdmin)!;
    const others = users()
      .filter((u) => !u.isAdmin && u.mfaEnabled)
      .slice(0, 3);
    const { jobId } = await planAndConfirm(
      "trugrid.mfa.turned_off",
      `userUpn\n${[admin, ...others].map((u) => u.upn).join("\n")}\n`,
      "INC-3003 MFA rollout",
    );
    expect(await applyBulkJob(h.t.db, jobId, { concurrency: 2 })).toBe("completed");
    const rows = await rowsOf(jobId);
    expect(rows[0]).toMatchObject({ status: "failed", vendorMessage: expect.stringMatching(/^Error/) });
    for (const r of rows.slice(1))
      expect(r).toMatchObject({ status: "succeeded", vendorMessage: expect.stringMatching(/^Success/), attempts: 1 });
    for (const u of others) expect(u.mfaEnabled).toBe(false);
    expect(admin.mfaEnabled).toBe(true);
    // What the console set is recorded for the users page, for the rows TruGrid accepted only.
    const states = await h.t.db.trugridUserState.findMany({ where: { tenantId: h.tenantId } });
    expect(states.map((s) => [s.upn, s.mfaOn]).sort()).toEqual(others.map((u) => [u.upn.toLowerCase(), false]).sort());
    expect(states[0]!.mfaSetBy).toMatch(/operator/);
    const events = await h.t.db.auditEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
    expect(events).toHaveLength(4);
    expect(events.map((e) => e.outcome).sort()).toEqual(["failure", "success", "success", "success"]);
    // The reason the job was confirmed with is on every row's event, failed or not.
    expect(new Set(events.map((e) => e.changeReason))).toEqual(new Set(["INC-3003 MFA rollout"]));
    expect(rows.map((r) => r.auditEventId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(await bulkProgress(h.t.db, jobId)).toMatchObject({ succeeded: 3, failed: 1, pending: 0, sending: 0 });
  });

  it("after a crash, resends repeatable rows in flight but never a non-repeatable one", async () => {
    const [a, b] = users().filter((u) => !u.isAdmin);
    const on = await planAndConfirm("trugrid.mfa.turned_on", `upn\n${a!.upn}\n${b!.upn}\n`);
    await h.t.db.bulkRow.updateMany({ where: { jobId: on.jobId, line: 2 }, data: { status: "sending", attempts: 1 } });
    expect(await applyBulkJob(h.t.db, on.jobId)).toBe("completed");
    expect((await rowsOf(on.jobId)).map((r) => [r.status, r.attempts])).toEqual([
      ["succeeded", 2],
      ["succeeded", 1],
    ]);
    // The next plan's "before" is what the console last set (whatever the UPN's case in the file).
    const off = await planBulkJob(h.t.db, {
      tenantId: h.tenantId,
      operationId: "trugrid.udp.disabled",
      fileName: "o.csv",
      bytes: enc(`upn\n${a!.upn.toUpperCase()}\n`),
      staffId,
    });
    if (!off.ok) throw new Error(off.error);
    expect((await rowsOf(off.jobId))[0]).toMatchObject({
      plan: "update",
      before: { udp: "unknown" },
      after: { udp: "off" },
    });
    const again = await planBulkJob(h.t.db, {
      tenantId: h.tenantId,
      operationId: "trugrid.mfa.turned_off",
      fileName: "o.csv",
      bytes: enc(`upn\n${a!.upn.toUpperCase()}\n`),
      staffId,
    });
    if (!again.ok) throw new Error(again.error);
    expect((await rowsOf(again.jobId))[0]).toMatchObject({
      plan: "update",
      before: { mfa: "on" },
      after: { mfa: "off" },
    });

    const reset = await planAndConfirm("trugrid.mfa.reset", `upn,resetPhone\n${a!.upn},false\n${b!.upn},true\n`);
    await h.t.db.bulkRow.updateMany({
      where: { jobId: reset.jobId, line: 2 },
      data: { status: "sending", attempts: 1 },
    });
    expect(await applyBulkJob(h.t.db, reset.jobId)).toBe("completed");
    const rows = await rowsOf(reset.jobId);
    expect(rows[0]).toMatchObject({
      status: "unknown",
      attempts: 1,
      vendorMessage: expect.stringMatching(/not resent/),
    });
    expect(rows[1]).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(await h.t.db.auditEvent.count({ where: { jobId: reset.jobId } })).toBe(2);
  });

  it(
    "a vendor failing every request fails its rows with the vendor's words; " +
      "a retry of the failed rows then succeeds",
    async () => {
      const [a, b] = users().filter((u) => !u.isAdmin);
      const { jobId } = await planAndConfirm("trugrid.udp.enabled", `upn\n${a!.upn}\n${b!.upn}\n`);
      await setFaults({ errorRate: 1 });
      try {
        expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
      } finally {
        await setFaults({ errorRate: 0 });
      }
      expect((await rowsOf(jobId)).map((r) => r.status)).toEqual(["failed", "failed"]);
      expect((await rowsOf(jobId))[0]!.vendorMessage).toMatch(/HTTP 500/);
      await h.t.db.bulkRow.updateMany({
        where: { jobId, status: { in: ["failed", "unknown"] } },
        data: { status: "pending" },
      });
      await h.t.db.bulkJob.update({ where: { id: jobId }, data: { status: "queued", finishedAt: null } });
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
      expect((await rowsOf(jobId)).map((r) => [r.status, r.attempts])).toEqual([
        ["succeeded", 2],
        ["succeeded", 2],
      ]);
      expect(a!.udp && b!.udp).toBe(true);
      expect(await h.t.db.auditEvent.count({ where: { jobId } })).toBe(4);
    },
  );

  it(
    "cancel part-way: the chunk at the vendor finishes, a chunk claimed ahead is put back and cancelled, " +
      "every row ends once",
    async () => {
      const [a] = users().filter((u) => !u.isAdmin);
      const { jobId } = await planAndConfirm("trugrid.udp.enabled", `upn\n${a!.upn}\n`);
      // 350 rows (four chunks of up to 100): copies of the one row, which TruGrid takes again and again.
      await h.t.db.$executeRaw`
      INSERT INTO "BulkRow" (id, "jobId", line, input, plan, before, after, status, attempts)
      SELECT gen_random_uuid()::text, "jobId", line + n, input, plan, before, after, status, 0
      FROM "BulkRow", generate_series(1, 349) AS n WHERE "jobId" = ${jobId}`;
      await setFaults({ latencyMs: 2000 });
      try {
        const applying = applyBulkJob(h.t.db, jobId, { concurrency: 1 });
        // The first chunk is written once answered; by then the second is at the vendor and a third claimed ahead.
        for (let i = 0; i < 200 && (await h.t.db.bulkRow.count({ where: { jobId, status: "succeeded" } })) < 100; i++)
          await new Promise((r) => setTimeout(r, 50));
        await h.t.db.bulkJob.update({ where: { id: jobId }, data: { cancelRequested: true } });
        expect(await applying).toBe("cancelled");
      } finally {
        await setFaults({ latencyMs: 0 });
      }
      const rows = await rowsOf(jobId);
      const by = (st: string) => rows.filter((r) => r.status === st);
      expect(by("succeeded")).toHaveLength(200);
      expect(by("cancelled")).toHaveLength(150);
      for (const r of by("cancelled")) expect(r.attempts).toBe(0);
      expect(await h.t.db.auditEvent.count({ where: { jobId } })).toBe(200);
    },
  );

  it("a cancelled job sends nothing more and marks what is left cancelled", async () => {
    const some = users().slice(0, 5);
    const { jobId } = await planAndConfirm("trugrid.udp.disabled", `upn\n${some.map((u) => u.upn).join("\n")}\n`);
    await h.t.db.bulkJob.update({ where: { id: jobId }, data: { cancelRequested: true } });
    expect(await applyBulkJob(h.t.db, jobId)).toBe("cancelled");
    expect(new Set((await rowsOf(jobId)).map((r) => r.status))).toEqual(new Set(["cancelled"]));
    expect(await h.t.db.bulkJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "cancelled" });
  });
});
