import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { tagAction } from "../actions/action-tag";
import { type ActionContext, type ActionDef, runAction } from "../actions/run-action";
import type { Staff } from "../auth/staff";
import type { InverseMap } from "./inverse";
import { UNDO_REFUSED_ACTION, undoEvent } from "./undo-event";
import { UndoOf } from "./undo-of";
import { undoneEvents } from "./undone-events";

let t: TestDatabase;
let tenant: { id: string };
let other: { id: string };
let operator: Staff;
let outsider: Staff;
let viewer: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await makeTenant(t.db, "Before");
  other = await makeTenant(t.db, "Other");
  operator = await makeStaff(t.db, { role: "operator", tenantIds: [tenant.id] });
  viewer = await makeStaff(t.db, { role: "viewer", tenantIds: [tenant.id] });
  outsider = await makeStaff(t.db, { role: "operator", tenantIds: [other.id] });
});
afterAll(() => t.drop());

// A reversible local change: renaming a tenant, whose inverse renames it back.
const Rename = z.object({ tenantId: z.string(), name: z.string(), undoOf: UndoOf });
const rename: ActionDef<typeof Rename> = {
  name: "tenant.renamed",
  perm: "trugrid.user.write",
  input: Rename,
  tenant: (i) => i.tenantId,
};
const body = async (input: z.output<typeof Rename>, ctx: ActionContext) => {
  const before = await ctx.db.tenant.findUniqueOrThrow({ where: { id: input.tenantId } });
  await ctx.db.tenant.update({ where: { id: input.tenantId }, data: { name: input.name } });
  ctx.audit.targets = [{ type: "tenant", id: input.tenantId }];
  ctx.audit.before = { name: before.name };
  ctx.audit.after = { name: input.name };
};
// Another action of the same shape whose inverse is not a rename, to forge with.
const retitle: ActionDef<typeof Rename> = { ...rename, name: "tenant.retitled" };

const env = (staff: Staff) => ({
  db: t.db,
  staff: async () => staff,
  meta: async () => ({ ip: "198.51.100.1", userAgent: "vitest" }),
  inverses: async () => inverses(staff),
});
const renameAs = (staff: Staff) =>
  tagAction((input: z.input<typeof Rename>) => runAction(rename, body, input, env(staff)), rename as never);
const retitleAs = (staff: Staff) =>
  tagAction((input: z.input<typeof Rename>) => runAction(retitle, body, input, env(staff)), retitle as never);
const inverses = (staff: Staff): InverseMap => ({
  "tenant.renamed": {
    label: "Rename back",
    plan: (e) => ({
      run: renameAs(staff) as never,
      input: { tenantId: e.tenantId, name: (e.before as { name: string }).name },
    }),
  },
});
const nameOf = async (id = tenant.id) => (await t.db.tenant.findUniqueOrThrow({ where: { id } })).name;
const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
const renamed = async (staff: Staff, name: string, tenantId = tenant.id) => {
  const done = await renameAs(staff)({ tenantId, name });
  expect(done).toMatchObject({ ok: true, eventId: expect.any(String) });
  return (done as { eventId: string }).eventId;
};

describe("undoEvent", () => {
  it("runs the inverse, links the new event to the undone one, and refuses a second undo", async () => {
    const eventId = await renamed(operator, "After");
    expect(await undoEvent(t.db, operator, eventId, inverses(operator))).toMatchObject({ ok: true });
    expect(await nameOf()).toBe("Before");
    const undoEventRow = await lastEvent();
    expect(undoEventRow).toMatchObject({ action: "tenant.renamed", outcome: "success", after: { name: "Before" } });
    expect(undoEventRow.targets).toContainEqual({ type: "audit_event", id: eventId, label: "undo of this event" });

    // The log marks it undone (and offers no second Undo); an event nobody undid is not.
    const untouched = await renamed(operator, "Untouched");
    expect(await undoneEvents(t.db, [eventId, untouched])).toEqual(new Set([eventId]));
    expect(await undoneEvents(t.db, [])).toEqual(new Set());
    await renamed(operator, "Before");

    const again = await undoEvent(t.db, operator, eventId, inverses(operator));
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/^Already undone by/) });
    expect(await lastEvent()).toMatchObject({
      action: "tenant.renamed",
      outcome: "denied",
      reason: expect.stringMatching(/already undone/),
    });
    expect(await nameOf()).toBe("Before");
  });

  it("answers Not found for an event outside the caller's scope, and records the refusal", async () => {
    const eventId = await renamed(operator, "Scoped");
    expect(await undoEvent(t.db, outsider, eventId, inverses(outsider))).toEqual({ ok: false, error: "Not found." });
    expect(await lastEvent()).toMatchObject({ action: UNDO_REFUSED_ACTION, outcome: "denied", actorId: outsider.id });
    expect(await nameOf()).toBe("Scoped");
  });

  it("lets the inverse refuse a role that may not make the change", async () => {
    const eventId = await renamed(operator, "Operator's");
    const res = await undoEvent(t.db, viewer, eventId, inverses(viewer));
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/may not do this/) });
    expect(await nameOf()).toBe("Operator's");
  });

  it("refuses events that have no inverse or did not succeed", async () => {
    const denied = await t.db.auditEvent.findFirstOrThrow({ where: { outcome: "denied" } });
    expect(await undoEvent(t.db, operator, denied.id, inverses(operator))).toEqual({ ok: false, error: "Not found." });
    const eventId = await renamed(operator, "Kept");
    expect(await undoEvent(t.db, operator, eventId, {})).toEqual({ ok: false, error: "This event cannot be undone." });
  });
});

describe("a forged undoOf", () => {
  it("naming another tenant's event is denied, and that event stays undoable by its own tenant", async () => {
    const theirs = await renamed(outsider, "Theirs", other.id);
    const forged = await renameAs(operator)({ tenantId: tenant.id, name: "Before", undoOf: theirs });
    expect(forged).toEqual({ ok: false, error: "Not found." });
    const ev = await lastEvent();
    expect(ev).toMatchObject({
      outcome: "denied",
      actorId: operator.id,
      reason: expect.stringMatching(/not in the caller's audit scope/),
    });
    expect(ev.targets).not.toContainEqual(expect.objectContaining({ type: "audit_event", id: theirs }));
    expect(await undoEvent(t.db, outsider, theirs, inverses(outsider))).toMatchObject({ ok: true });
    expect(await nameOf(other.id)).toBe("Other");
  });

  it("naming an event whose inverse is another action is denied", async () => {
    const eventId = await renamed(operator, "Retitle me");
    const forged = await retitleAs(operator)({ tenantId: tenant.id, name: "Kept", undoOf: eventId });
    expect(forged).toMatchObject({ ok: false });
    expect(await lastEvent()).toMatchObject({
      action: "tenant.retitled",
      outcome: "denied",
      reason: expect.stringMatching(/whose inverse is tenant.renamed/),
    });
    expect(await nameOf()).toBe("Retitle me");
    expect(await undoEvent(t.db, operator, eventId, inverses(operator))).toMatchObject({ ok: true });
  });

  it("with an input other than the recorded inverse's is denied", async () => {
    const eventId = await renamed(operator, "Exact");
    const forged = await renameAs(operator)({ tenantId: tenant.id, name: "Something else", undoOf: eventId });
    expect(forged).toMatchObject({ ok: false, error: "This event cannot be undone this way." });
    expect(await lastEvent()).toMatchObject({
      outcome: "denied",
      reason: expect.stringMatching(/does not match the recorded inverse/),
    });
    expect(await nameOf()).toBe("Exact");
  });

  it("naming an event of the same tenant but a different change cannot mark it undone", async () => {
    const first = await renamed(operator, "First");
    await renamed(operator, "Second");
    // The inverse of `first` renames back to what was there before it; a rename to "Second" is not that.
    const forged = await renameAs(operator)({ tenantId: tenant.id, name: "Second", undoOf: first });
    expect(forged.ok).toBe(false);
    expect(await undoEvent(t.db, operator, first, inverses(operator))).toMatchObject({ ok: true });
  });
});

describe("two undos of one event at once", () => {
  it("only one runs", async () => {
    const eventId = await renamed(operator, "Raced");
    const results = await Promise.all([
      undoEvent(t.db, operator, eventId, inverses(operator)),
      undoEvent(t.db, operator, eventId, inverses(operator)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: expect.stringMatching(/Already undone/) });
  });

  it("keeps the change's reason on its undo, unless the undo gives its own", async () => {
    const was = await nameOf();
    const first = await renameAs(operator)({ tenantId: tenant.id, name: "Ticketed", changeReason: "INC-7" } as never);
    expect(first.ok).toBe(true);
    await undoEvent(t.db, operator, (first as { eventId: string }).eventId, inverses(operator));
    expect(await lastEvent()).toMatchObject({ outcome: "success", changeReason: "INC-7", after: { name: was } });

    const second = await renameAs(operator)({ tenantId: tenant.id, name: "Again", changeReason: "INC-8" } as never);
    const own = await undoEvent(
      t.db,
      operator,
      (second as { eventId: string }).eventId,
      inverses(operator),
      undefined,
      "INC-9 wrong user",
    );
    expect(own.ok).toBe(true);
    expect(await lastEvent()).toMatchObject({ outcome: "success", changeReason: "INC-9 wrong user" });
  });
});
