import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TruGridSim } from "../../sim/trugrid";
import { type BulkHarness, trugridBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, planConfirmed } from "../../test/bulk-jobs";
import { actAs } from "../../test/session-as";
import type { AuditAction } from "../audit/event-types";
import { auditWhere } from "../audit/filter";
import { recordAudit } from "../audit/record";
import { loadStaff, type Staff } from "../auth/staff";
import { applyBulkJob } from "../bulk/apply";
import { undoableRows } from "../bulk/undo-state";
import { INVERSES, undoLabels } from "../undo/registry";
import { undoEvent } from "../undo/undo-event";

// A TruGrid bulk row is audited as the users and associations pages audit
// the same change, so the page's Undo reverses it; and an event logged under
// a former name stays undoable. Against the TruGrid simulator, over HTTP.

// The inverses are console actions: they read the session (the acting staff member) and the app's
// database (this test's).
vi.mock("../auth/session", () => import("../../test/session-as"));

let env: BulkHarness<TruGridSim> | undefined;
let sim: TruGridSim;
let tenantId: string;
let staff: Staff;

const db = () => env!.h.t.db;
const domain = () => sim.state.domains.values().next().value!;
const users = () => [...domain().users.values()].filter((u) => u.synced && !u.isAdmin);
const lc = (s: string) => s.toLowerCase();
const udpActions = () => import("./udp-actions");
const mfaActions = () => import("./mfa-actions");

beforeAll(async () => {
  env = await trugridBulkHarness("operator");
  ({ sim } = env);
  tenantId = env.h.tenantId;
  process.env.DATABASE_URL = env.h.t.url;
  staff = (await loadStaff(db(), env.staffId))!;
  actAs(staff);
}, 120_000);
afterAll(() => env?.close());

/** Plans, confirms and applies one CSV; its rows and their events in file order. */
async function applied(operationId: string, csv: string) {
  const { jobId } = await planConfirmed(db(), { tenantId, staffId: staff.id, operationId, csv });
  expect(await applyBulkJob(db(), jobId)).toBe("completed");
  const rows = await bulkRowsOf(db(), jobId);
  const events = await Promise.all(
    rows.map((r) => db().auditEvent.findUniqueOrThrow({ where: { id: r.auditEventId! } })),
  );
  return { jobId, rows, events };
}

const lastEvent = (action: string) =>
  db().auditEvent.findFirstOrThrow({ where: { action, actorId: staff.id }, orderBy: { seq: "desc" } });

describe("a bulk RDP-over-UDP row", () => {
  it("is audited under the users page's name and shape, and its Undo turns UDP back off", async () => {
    const a = users().find((u) => !u.udp)!;
    const {
      rows: [row],
      events: [event],
    } = await applied("trugrid.udp.enabled", `upn\n${a.upn}\n`);
    expect(row).toMatchObject({ status: "succeeded", vendorMessage: "Success." });
    expect(a.udp).toBe(true);
    expect(event).toMatchObject({
      action: "trugrid.udp.enabled",
      outcome: "success",
      after: { statuses: { [a.upn]: "Success." }, succeeded: [a.upn] },
    });

    expect(await undoEvent(db(), staff, event!.id, INVERSES)).toMatchObject({ ok: true });
    expect(a.udp).toBe(false);
    expect(await lastEvent("trugrid.udp.disabled")).toMatchObject({
      outcome: "success",
      targets: expect.arrayContaining([{ type: "audit_event", id: event!.id, label: "undo of this event" }]),
    });

    // The same change from the users page is recorded with the same target and values.
    expect(await (await udpActions()).enableUdp({ tenantId, upns: [a.upn] })).toMatchObject({ ok: true });
    const single = await lastEvent("trugrid.udp.enabled");
    expect(event!.targets).toEqual(single.targets);
    expect(event!.targets).toEqual([{ type: "trugrid_user", id: lc(a.upn), label: a.upn }]);
    expect(event!.after).toEqual(single.after);
    expect(Object.keys(event!.before as object)).toEqual(Object.keys(single.before as object));
  });
});

describe("an event logged under a former name", () => {
  it("keeps its Undo button, is found by the action filter, and is undone", async () => {
    const b = users().find((u) => u.udp)!;
    // A bulk UDP row as it was recorded before the rename: its name, target and values.
    const { jobId } = await planConfirmed(db(), {
      tenantId,
      staffId: staff.id,
      operationId: "trugrid.udp.enabled",
      csv: `upn\n${b.upn}\n`,
    });
    const former = await recordAudit(db(), {
      action: "trugrid.udp.turned_on" as AuditAction,
      actor: { id: staff.id, email: staff.email, name: staff.name },
      tenantId,
      vendor: "trugrid",
      jobId,
      outcome: "success",
      targets: [{ type: "user", id: lc(b.upn), label: b.upn }],
      before: { [b.upn]: { udp: "unknown" } },
      after: { udp: "on", succeeded: [b.upn] },
    });
    await db().bulkRow.updateMany({ where: { jobId }, data: { status: "succeeded", auditEventId: former.id } });

    expect(undoLabels()["trugrid.udp.turned_on"]).toBe("Turn UDP back off");
    expect(await undoableRows(db(), jobId)).toEqual([
      expect.objectContaining({ eventId: former.id, undo: "available", label: "Turn UDP back off" }),
    ]);
    const filtered = await db().$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM "AuditEvent" WHERE ${auditWhere(staff, { action: "trugrid.udp.enabled" })}`;
    expect(filtered.map((e) => e.id)).toContain(former.id);

    expect(await undoEvent(db(), staff, former.id, INVERSES)).toMatchObject({ ok: true });
    expect(b.udp).toBe(false);
    expect(await undoableRows(db(), jobId)).toEqual([expect.objectContaining({ undo: "undone" })]);
    expect(await undoEvent(db(), staff, former.id, INVERSES)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Already undone by/),
    });
  });
});

describe("a bulk machine-association row that replaced a machine", () => {
  it("records what it replaced, and its Undo sets the user's previous machine again", async () => {
    // A shared group (it holds servers): a user moves from one server to another, which TruGrid answers
    // with "replaced".
    const group = "Remote Desktop Farm";
    const farm = domain().associations.get(lc(group))!;
    const [mover, other] = [...farm.byUser.keys()];
    const nameOf = (machine: string) => domain().machines.get(machine)!.name;
    const spare = [...domain().machineGroups.get(lc(group))!.members].find(
      (m) => domain().machines.get(m)?.kind === "server" && m !== farm.byUser.get(mover!),
    )!;
    // The cache knows a group's machines only from associations: someone else is on the spare server at TruGrid, and
    // the sync has read it.
    farm.set(other!, spare);
    expect((await env!.h.run()).status).toBe("succeeded");
    const edge = await db().vendorEdge.findFirstOrThrow({
      where: {
        tenantId,
        vendor: "trugrid",
        kind: "machine_association",
        toId: group,
        fromId: { equals: mover, mode: "insensitive" },
        deletedAt: null,
      },
    });
    const machineOf = (e: typeof edge) => (e.attributes as { machineName: string }).machineName;
    const [from, to] = [nameOf(farm.byUser.get(mover!)!), nameOf(spare)];
    expect(machineOf(edge)).toBe(from);

    const {
      rows: [row],
      events: [event],
    } = await applied(
      "trugrid.machine_association.set",
      `userUpn,groupName,machineName\n${edge.fromId},${group},${to}\n`,
    );
    expect(row).toMatchObject({
      plan: "update",
      status: "succeeded",
      vendorMessage: `Success. Previous association with '${from}' replaced.`,
    });
    expect(farm.byUser.get(lc(edge.fromId))).toBe(lc(to));
    expect(event).toMatchObject({
      action: "trugrid.machine_association.set",
      before: { machines: { [`${edge.fromId} → ${to} in ${group}`]: from } },
      after: { replaced: [{ userUpn: edge.fromId, groupName: group, previousMachine: from }] },
    });

    expect(await undoEvent(db(), staff, event!.id, INVERSES)).toMatchObject({ ok: true });
    expect(farm.byUser.get(lc(edge.fromId))).toBe(lc(from));
    expect(machineOf(await db().vendorEdge.findUniqueOrThrow({ where: { id: edge.id } }))).toBe(from);
    // The associations page's event (the undo) names the user as the row's event does.
    const undo = await lastEvent("trugrid.machine_association.set");
    expect(undo.targets).toContainEqual(expect.objectContaining({ type: "trugrid_user", id: lc(edge.fromId) }));
    expect(event!.targets).toEqual([
      { type: "trugrid_user", id: lc(edge.fromId), label: `${edge.fromId} → ${to} in ${group}` },
    ]);
  });
});

describe("a bulk MFA reset row", () => {
  it("is audited with the users page's target and values", async () => {
    const [x, y] = users().filter((u) => u.mfaEnabled && u.mfaEnrolled);
    expect(await (await mfaActions()).resetMfa({ tenantId, upns: [x!.upn], resetPhone: false })).toMatchObject({
      ok: true,
    });
    const single = await lastEvent("trugrid.mfa.reset");
    const {
      rows: [row],
      events: [event],
    } = await applied("trugrid.mfa.reset", `upn,resetPhone\n${y!.upn},false\n`);
    expect(row!.status).toBe("succeeded");
    for (const [e, u, status] of [
      [single, x, expect.any(String)],
      [event, y, row!.vendorMessage],
    ] as const) {
      expect(e).toMatchObject({
        targets: [{ type: "trugrid_user", id: lc(u!.upn), label: u!.upn }],
        before: { resetPhone: false },
      });
      expect(e!.after).toEqual({ resetPhone: false, statuses: { [u!.upn]: status } });
    }
  });
});

describe("a bulk row that cleared a machine group", () => {
  it("clears only the group named, records what it held, and its Undo sets each association again", async () => {
    const groups = [...domain().associations].filter(([, a]) => a.byUser.size > 0);
    const [name, slots] = groups.at(-1)!;
    const held = [...slots.byUser].sort();
    const others = groups.slice(0, -1).map(([, a]) => a.byUser.size);
    expect((await env!.h.run()).status).toBe("succeeded");
    const groupName = domain().machineGroups.get(name)!.name;
    const { rows, events } = await applied(
      "trugrid.machine_association.cleared",
      `group\n${groupName.toUpperCase()}\n`,
    );
    expect(rows[0]).toMatchObject({ status: "succeeded" });
    expect(slots.byUser.size).toBe(0);
    expect(groups.slice(0, -1).map(([, a]) => a.byUser.size)).toEqual(others);
    expect(events[0]).toMatchObject({
      action: "trugrid.machine_association.cleared",
      outcome: "success",
      after: { cleared: [groupName.toUpperCase()] },
    });
    expect((events[0]!.before as { associations: unknown[] }).associations).toHaveLength(held.length);

    expect(await undoEvent(db(), staff, events[0]!.id, INVERSES)).toMatchObject({ ok: true });
    expect([...slots.byUser].sort()).toEqual(held);
    expect(await lastEvent("trugrid.machine_association.set")).toMatchObject({ outcome: "success" });
  });

  it("refuses a group the last sync saw no association of", async () => {
    const { jobId } = await planConfirmed(db(), {
      tenantId,
      staffId: staff.id,
      operationId: "trugrid.machine_association.cleared",
      csv: "group\nNo Such Group\n",
    });
    const [row] = await bulkRowsOf(db(), jobId);
    expect(row?.planError).toBe("Unknown machine group: No Such Group (no association of it in the last sync).");
  });
});
