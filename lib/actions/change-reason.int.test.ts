import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { exportAuditEvents } from "../audit/export";
import { auditWhere } from "../audit/filter";
import { recordAudit } from "../audit/record";
import { verifyAuditChain } from "../audit/verify";
import type { Staff } from "../auth/staff";
import { createPgPool } from "../db/pg-pool";
import { REASON_REQUIRED } from "./change-reason";
import { type ActionContext, type ActionDef, runAction } from "./run-action";

let t: TestDatabase;
let pool: pg.Pool;
let open: { id: string };
let strict: { id: string };
let operator: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
  open = await makeTenant(t.db, "Optional Ltd");
  strict = await makeTenant(t.db, "Strict Ltd");
  await t.db.tenant.update({ where: { id: strict.id }, data: { requireChangeReason: true } });
  operator = await makeStaff(t.db, { role: "operator", tenantIds: [open.id, strict.id] });
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

const envNow = () => ({
  db: t.db,
  staff: async () => operator,
  meta: async () => ({ ip: "192.0.2.7", userAgent: "vitest" }),
});

const Input = z.object({ tenantId: z.string(), note: z.string() }).strict();
// A vendor change (external: intent, then outcome) and a local, non-change action.
const vendorCall: ActionDef<typeof Input> = {
  name: "trugrid.mfa.turned_off",
  perm: "trugrid.user.write",
  mode: "external",
  input: Input,
  tenant: (i) => i.tenantId,
};
const savedView: ActionDef<typeof Input> = {
  name: "view.saved",
  perm: "console.read",
  input: Input,
  tenant: (i) => i.tenantId,
};
let ran = 0;
const body = async (input: z.output<typeof Input>, ctx: ActionContext) => {
  ran++;
  ctx.audit.targets = [{ type: "user", id: "alice@northwind.example" }];
  return { note: input.note, reason: ctx.changeReason };
};
const events = (tenantId: string) => t.db.auditEvent.findMany({ where: { tenantId }, orderBy: { seq: "asc" } });

describe("a reason on every change", () => {
  it("keeps the reason on the intent and the outcome, out of the action's own (strict) input", async () => {
    const res = await runAction(
      vendorCall,
      body,
      { tenantId: open.id, note: "x", changeReason: " INC-1042\n leaver " },
      envNow(),
    );
    expect(res).toMatchObject({ ok: true, data: { note: "x", reason: "INC-1042 leaver" } });
    const [intent, outcome] = await events(open.id);
    expect(intent).toMatchObject({ outcome: "pending", changeReason: "INC-1042 leaver" });
    expect(outcome).toMatchObject({ outcome: "success", changeReason: "INC-1042 leaver", correlationId: intent?.id });
  });

  it("takes the reason from a form too", async () => {
    const form = new FormData();
    form.set("tenantId", open.id);
    form.set("note", "y");
    form.set("changeReason", "CHG-77");
    expect(await runAction(vendorCall, body, form, envNow())).toMatchObject({ ok: true, data: { reason: "CHG-77" } });
  });

  it("a tenant that requires a reason refuses a change without one, before anything is sent or recorded", async () => {
    const before = ran;
    const seen = await t.db.auditEvent.count();
    const res = await runAction(vendorCall, body, { tenantId: strict.id, note: "x" }, envNow());
    expect(res).toEqual({ ok: false, error: REASON_REQUIRED, fieldErrors: { changeReason: [REASON_REQUIRED] } });
    const blank = await runAction(vendorCall, body, { tenantId: strict.id, note: "x", changeReason: "  " }, envNow());
    expect(blank.ok).toBe(false);
    expect(ran).toBe(before);
    expect(await t.db.auditEvent.count()).toBe(seen);

    const given = await runAction(
      vendorCall,
      body,
      { tenantId: strict.id, note: "x", changeReason: "INC-5" },
      envNow(),
    );
    expect(given.ok).toBe(true);
    expect(ran).toBe(before + 1);
  });

  it("asks no reason of what is not a change, and none of a tenant that does not require one", async () => {
    expect((await runAction(savedView, body, { tenantId: strict.id, note: "v" }, envNow())).ok).toBe(true);
    const reads: ActionDef<typeof Input> = { ...vendorCall, change: false };
    expect((await runAction(reads, body, { tenantId: strict.id, note: "r" }, envNow())).ok).toBe(true);
    expect((await runAction(vendorCall, body, { tenantId: open.id, note: "o" }, envNow())).ok).toBe(true);
    expect((await events(open.id)).at(-1)).toMatchObject({ outcome: "success", changeReason: null });
  });

  it("refuses a reason that is not text or is too long, as a field error", async () => {
    const res = await runAction(
      vendorCall,
      body,
      { tenantId: open.id, note: "x", changeReason: "x".repeat(501) },
      envNow(),
    );
    expect(res).toMatchObject({ ok: false, fieldErrors: { changeReason: [expect.stringMatching(/500 characters/)] } });
  });

  it("is hashed into the chain: the chain verifies, and an altered reason breaks it", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const victim = await t.db.auditEvent.findFirstOrThrow({ where: { changeReason: "CHG-77", outcome: "success" } });
    await t.db.$transaction([
      t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`),
      t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "changeReason" = 'CHG-78' WHERE id = '${victim.id}'`),
      t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`),
    ]);
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: false, brokenAt: { id: victim.id } });
    await t.db.$transaction([
      t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`),
      t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "changeReason" = 'CHG-77' WHERE id = '${victim.id}'`),
      t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`),
    ]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("is found by the log's search and written in its exports", async () => {
    await recordAudit(t.db, {
      action: "twingate.user.state_changed",
      actor: null,
      tenantId: open.id,
      outcome: "failure",
      reason: "Rate limit exceeded",
      changeReason: "INC-2001 offboarding",
    });
    const where = auditWhere(operator, { q: "INC-2001" });
    const found = await t.db.$queryRaw<{ changeReason: string }[]>`
      SELECT "changeReason" FROM "AuditEvent" WHERE ${where}`;
    expect(found).toEqual([{ changeReason: "INC-2001 offboarding" }]);

    let csv = "";
    for await (const chunk of exportAuditEvents(pool, operator, { q: "INC-1042" }, "csv")) csv += chunk;
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header?.split(",")).toContain("changeReason");
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.includes(",INC-1042 leaver,"))).toBe(true);
  });
});
