import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { runAction, type ActionContext, type ActionDef } from "../actions/run-action";
import type { Staff } from "../auth/staff";
import type { InverseMap } from "./inverse";
import { undoEvent } from "./undo-event";
import { UndoOf } from "./undo-of";

let t: TestDatabase;
let tenant: { id: string };
let operator: Staff;
let outsider: Staff;
let viewer: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await makeTenant(t.db, "Before");
  const other = await makeTenant(t.db, "Other");
  operator = await makeStaff(t.db, { role: "operator", tenantIds: [tenant.id] });
  viewer = await makeStaff(t.db, { role: "viewer", tenantIds: [tenant.id] });
  outsider = await makeStaff(t.db, { role: "operator", tenantIds: [other.id] });
});
afterAll(() => t.drop());

const env = (staff: Staff) => ({ db: t.db, staff: async () => staff, meta: async () => ({ ip: "198.51.100.1", userAgent: "vitest" }) });

// A reversible local change: renaming a tenant, whose inverse renames it back.
const Rename = z.object({ tenantId: z.string(), name: z.string(), undoOf: UndoOf });
const rename: ActionDef<typeof Rename> = { name: "tenant.renamed", perm: "trugrid.user.write", input: Rename, tenant: (i) => i.tenantId };
const body = async (input: z.output<typeof Rename>, ctx: ActionContext) => {
  const before = await ctx.db.tenant.findUniqueOrThrow({ where: { id: input.tenantId } });
  await ctx.db.tenant.update({ where: { id: input.tenantId }, data: { name: input.name } });
  ctx.audit.targets = [{ type: "tenant", id: input.tenantId }];
  ctx.audit.before = { name: before.name };
  ctx.audit.after = { name: input.name };
};
const renameAs = (staff: Staff) => (input: z.input<typeof Rename>) => runAction(rename, body, input, env(staff));
const inverses = (staff: Staff): InverseMap => ({
  "tenant.renamed": {
    label: "Rename back",
    plan: (e) => ({ run: renameAs(staff) as never, input: { tenantId: e.tenantId, name: (e.before as { name: string }).name } }),
  },
});
const name = async () => (await t.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).name;

describe("undoEvent", () => {
  it("runs the inverse, links the new event to the undone one, and refuses a second undo", async () => {
    const done = await renameAs(operator)({ tenantId: tenant.id, name: "After" });
    expect(done).toMatchObject({ ok: true, eventId: expect.any(String) });
    const eventId = (done as { eventId: string }).eventId;
    expect(await name()).toBe("After");

    expect(await undoEvent(t.db, operator, eventId, inverses(operator))).toMatchObject({ ok: true });
    expect(await name()).toBe("Before");
    const undoEventRow = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(undoEventRow).toMatchObject({ action: "tenant.renamed", outcome: "success", after: { name: "Before" } });
    expect(undoEventRow.targets).toContainEqual({ type: "audit_event", id: eventId, label: "undo of this event" });

    const again = await undoEvent(t.db, operator, eventId, inverses(operator));
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/^Already undone by/) });
    expect(await name()).toBe("Before");
  });

  it("answers Not found for an event outside the caller's scope", async () => {
    const done = await renameAs(operator)({ tenantId: tenant.id, name: "Scoped" });
    const eventId = (done as { eventId: string }).eventId;
    expect(await undoEvent(t.db, outsider, eventId, inverses(outsider))).toEqual({ ok: false, error: "Not found." });
    expect(await name()).toBe("Scoped");
  });

  it("lets the inverse refuse a role that may not make the change", async () => {
    const done = await renameAs(operator)({ tenantId: tenant.id, name: "Operator's" });
    const eventId = (done as { eventId: string }).eventId;
    const res = await undoEvent(t.db, viewer, eventId, inverses(viewer));
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/may not do this/) });
    expect(await name()).toBe("Operator's");
  });

  it("refuses events that have no inverse or did not succeed", async () => {
    const denied = await t.db.auditEvent.findFirstOrThrow({ where: { outcome: "denied" } });
    expect(await undoEvent(t.db, operator, denied.id, inverses(operator))).toEqual({ ok: false, error: "Not found." });
    const done = await renameAs(operator)({ tenantId: tenant.id, name: "Kept" });
    const eventId = (done as { eventId: string }).eventId;
    expect(await undoEvent(t.db, operator, eventId, {})).toEqual({ ok: false, error: "This event cannot be undone." });
  });
});
