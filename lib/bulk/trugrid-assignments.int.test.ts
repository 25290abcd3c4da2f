import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TruGridSim } from "../../sim/trugrid";
import { type BulkHarness, trugridBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, planConfirmed, putSimFaults } from "../../test/bulk-jobs";
import type { SyncHarness } from "../../test/sync-harness";
import { trugridHistory } from "../trugrid/history";
import { applyBulkJob } from "./apply";
import { bulkOperation, templateCsv } from "./catalogue";

let sim: TruGridSim;
let url: string;
let h: SyncHarness;
let staffId: string;

const domain = () => sim.state.domains.values().next().value!;
const rowsOf = (jobId: string) => bulkRowsOf(h.t.db, jobId);
const setFaults = (f: Record<string, number>) => putSimFaults(url, f);
const assigned = (key: string) => [...(domain().assignments.get(key.toLowerCase())?.targets ?? [])];

const planAndConfirm = (csv: string) =>
  planConfirmed(h.t.db, {
    tenantId: h.tenantId,
    staffId,
    operationId: "trugrid.assignment.created",
    csv,
    fileName: "a.csv",
  });

let env: BulkHarness<TruGridSim> | undefined;
beforeAll(async () => {
  env = await trugridBulkHarness("admin");
  ({ sim, url, h, staffId } = env);
});
afterAll(() => env?.close());

describe("TruGrid bulk resource assignments", () => {
  it("is for admins, as the assignments page is, and serves its template", () => {
    const op = bulkOperation("trugrid.assignment.created")!;
    expect(op.perm).toBe("trugrid.domain.write");
    expect(templateCsv(op as never)).toBe(
      "userOrGroup,machineOrGroup\r\nalice.smith@northwind.example,Operations Workstations\r\n",
    );
  });

  it(
    "plans unknown, invalid and duplicate rows; sends the rest with a key twice in separate requests; " +
      "records each row as the assignments page does",
    async () => {
      const sales = [...domain().userGroups.get("sales users")!.members]
        .map((m) => domain().users.get(m)!)
        .find((u) => u.synced)!;
      const D = domain().domain;
      const edge = await h.t.db.vendorEdge.findFirstOrThrow({
        where: { tenantId: h.tenantId, kind: "machine_association", toId: "Remote Desktop Farm", deletedAt: null },
      });
      const server = (edge.attributes as { machineName: string }).machineName;
      const csv = [
        "User,Machine Group",
        `${sales.upn},Remote Desktop Farm`,
        `${sales.upn.toUpperCase()},${server}`,
        `Finance Users,${server}`,
        "Ghost Users,Remote Desktop Farm",
        `ghost@${D},Remote Desktop Farm`,
        "bad@,Remote Desktop Farm",
        `${sales.upn},remote desktop farm`,
        `${sales.upn},`,
      ].join("\n");
      const res = await planAndConfirm(csv);
      expect(res.counts).toMatchObject({ create: 4, error: 4, duplicate: 1, no_change: 0 });
      const rows = await rowsOf(res.jobId);
      expect(rows.map((r) => [r.line, r.plan])).toEqual([
        [2, "create"],
        [3, "create"],
        [4, "create"],
        [5, "create"],
        [6, "error"],
        [7, "error"],
        [8, "error"],
        [9, "error"],
      ]);
      expect(rows[0]).toMatchObject({
        before: null,
        after: {
          assignee: sales.upn,
          assigneeType: "user",
          resource: "Remote Desktop Farm",
          resourceType: "machine group",
        },
      });
      expect(rows[1]!.after).toMatchObject({ resourceType: "machine" });
      expect(rows[3]!.after).toMatchObject({ assigneeType: "user group" });
      expect(rows[4]!.planError).toMatch(/^Unknown UPN: ghost@/);
      expect(rows[5]!.planError).toMatch(/^assignee: Not a valid UPN/);
      expect(rows[6]!.planError).toBe("Duplicate of row 2 in this file.");
      expect(rows[7]!.planError).toMatch(/^resource: /);
      // Planning sends nothing.
      expect(assigned(sales.upn)).toEqual([]);

      expect(await applyBulkJob(h.t.db, res.jobId)).toBe("completed");
      const done = await rowsOf(res.jobId);
      expect(done.slice(0, 4).map((r) => [r.status, r.vendorMessage])).toEqual([
        ["succeeded", "Success."],
        ["succeeded", "Success."],
        ["succeeded", "Success."],
        ["failed", `Error. Reason: Group 'Ghost Users' not found in domain '${D}'.`],
      ]);
      expect(assigned(sales.upn).sort()).toEqual([server.toLowerCase(), "remote desktop farm"].sort());
      expect(assigned("Finance Users")).toContain(server.toLowerCase());

      const events = await h.t.db.auditEvent.findMany({ where: { jobId: res.jobId }, orderBy: { seq: "asc" } });
      expect(events).toHaveLength(4);
      const byKey = (k: string, v: string) =>
        events.find(
          (e) =>
            (e.after as { assignments: { key: string; value: string[] }[] }).assignments[0]!.key === k &&
            (e.after as { assignments: { value: string[] }[] }).assignments[0]!.value[0] === v,
        )!;
      expect(byKey(sales.upn, "Remote Desktop Farm")).toMatchObject({
        action: "trugrid.assignment.created",
        outcome: "success",
        vendor: "trugrid",
        // As the assignments page names the key: a user by lower-case UPN, labelled with what they were given.
        targets: [{ type: "trugrid_user", id: sales.upn.toLowerCase(), label: `${sales.upn} → Remote Desktop Farm` }],
        after: { assignments: [{ key: sales.upn, value: ["Remote Desktop Farm"], status: "Success." }] },
      });
      expect(byKey("Ghost Users", "Remote Desktop Farm")).toMatchObject({
        outcome: "failure",
        targets: [{ type: "trugrid_user_group", id: "Ghost Users", label: "Ghost Users → Remote Desktop Farm" }],
        reason: expect.stringMatching(/not found/),
      });
      // The assignments page lists the bulk rows among the console's assignments (successes only).
      const history = await trugridHistory(h.t.db, h.tenantId, ["trugrid.assignment.created"]);
      expect(history.map((e) => e.id).sort()).toEqual(
        events
          .filter((e) => e.outcome === "success")
          .map((e) => e.id)
          .sort(),
      );

      // A second file: the pair already assigned here is still sent (TruGrid cannot be asked), and the plan says the
      // console assigned it before.
      const again = await planAndConfirm(`userOrGroup,machineOrGroup\n${sales.upn},Remote Desktop Farm\n`);
      const [row] = await rowsOf(again.jobId);
      expect(row).toMatchObject({
        plan: "create",
        before: { assigned: expect.stringMatching(/^by this console on \d{4}-\d\d-\d\d$/) },
      });
      expect(await applyBulkJob(h.t.db, again.jobId)).toBe("completed");
      expect((await rowsOf(again.jobId))[0]).toMatchObject({ status: "succeeded", vendorMessage: "Success." });
    },
  );

  it("a TruGrid failure fails the rows with TruGrid's words and assigns nothing", async () => {
    const hr = [...domain().userGroups.get("hr users")!.members]
      .map((m) => domain().users.get(m)!)
      .find((u) => u.synced)!;
    const { jobId } = await planAndConfirm(
      `userOrGroup,machineOrGroup\n${hr.upn},Remote Desktop Farm\nHR Users,NW-RDS-01\n`,
    );
    const hrBefore = assigned("HR Users");
    await setFaults({ errorRate: 1 });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    const rows = await rowsOf(jobId);
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed"]);
    expect(rows[0]!.vendorMessage).toMatch(/HTTP 5\d\d/);
    expect(assigned(hr.upn)).toEqual([]);
    expect(assigned("HR Users")).toEqual(hrBefore);
    const events = await h.t.db.auditEvent.findMany({ where: { jobId } });
    expect(events.map((e) => e.outcome)).toEqual(["failure", "failure"]);
  });

  it("when one of a chunk's requests fails, only its rows fail: the rows TruGrid applied keep its answer", async () => {
    const itUser = [...domain().userGroups.get("it users")!.members]
      .map((m) => domain().users.get(m)!)
      .find((u) => u.synced && assigned(u.upn).length === 0)!;
    // One key twice: two requests, and every second request to the simulator fails.
    const { jobId } = await planAndConfirm(
      `userOrGroup,machineOrGroup\n${itUser.upn},Remote Desktop Farm\n${itUser.upn},Sales Workstations\n`,
    );
    await setFaults({ errorRate: 0.5 });
    try {
      expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    } finally {
      await setFaults({ errorRate: 0 });
    }
    const rows = await rowsOf(jobId);
    expect(rows.map((r) => r.status).sort()).toEqual(["failed", "succeeded"]);
    const ok = rows.find((r) => r.status === "succeeded")!;
    expect(ok.vendorMessage).toBe("Success.");
    expect(rows.find((r) => r.status === "failed")!.vendorMessage).toMatch(/HTTP 500/);
    expect(assigned(itUser.upn)).toEqual([(ok.input as { resource: string }).resource.toLowerCase()]);
  });
});
