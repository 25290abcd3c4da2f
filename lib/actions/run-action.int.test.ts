import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { verifyAuditChain } from "../audit/verify";
import type { Staff } from "../auth/staff";
import { ActionError } from "./result";
import { type ActionDef, runAction } from "./run-action";

let t: TestDatabase;
let tenantA: { id: string };
let tenantB: { id: string };
let viewer: Staff;
let operator: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  tenantA = await makeTenant(t.db, "Tenant A");
  tenantB = await makeTenant(t.db, "Tenant B");
  viewer = await makeStaff(t.db, { role: "viewer", tenantIds: [tenantA.id] });
  operator = await makeStaff(t.db, { role: "operator", tenantIds: [tenantA.id] });
});
afterAll(() => t.drop());

const env = (staff: Staff | null) => ({
  db: t.db,
  staff: async () => staff,
  meta: async () => ({ ip: "203.0.113.9", userAgent: "vitest" }),
});

// An operator-level, tenant-scoped action that really writes: it renames a tenant.
const def: ActionDef<z.ZodObject<{ tenantId: z.ZodString; name: z.ZodString }>> = {
  name: "tenant.renamed",
  perm: "trugrid.user.write",
  input: z.object({ tenantId: z.string(), name: z.string().min(3) }),
  tenant: (i) => i.tenantId,
};
const body = async (input: { tenantId: string; name: string }, ctx: Parameters<Parameters<typeof runAction>[1]>[1]) => {
  await ctx.db.tenant.update({ where: { id: input.tenantId }, data: { name: input.name } });
  ctx.audit.targets = [{ type: "tenant", id: input.tenantId }];
  ctx.audit.after = { name: input.name };
  if (input.name === "explode") throw new ActionError("refused by the body");
  return input.name;
};

const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });

describe("runAction", () => {
  it("refuses a viewer calling an operator-only action, changes nothing, records a denied event", async () => {
    const res = await runAction(def, body, { tenantId: tenantA.id, name: "Hacked" }, env(viewer));
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/may not do this/) });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: tenantA.id } })).name).toBe("Tenant A");
    expect(await lastEvent()).toMatchObject({
      action: "tenant.renamed",
      outcome: "denied",
      actorId: viewer.id,
      ip: "203.0.113.9",
      reason: expect.stringMatching(/viewer lacks trugrid.user.write/),
    });
  });

  it("refuses without a session", async () => {
    const res = await runAction(def, body, { tenantId: tenantA.id, name: "Hacked" }, env(null));
    expect(res.ok).toBe(false);
    expect(await lastEvent()).toMatchObject({ outcome: "denied", actorId: null, reason: "not signed in" });
  });

  it("answers 'Not found.' for another tenant and records the attempt", async () => {
    const res = await runAction(def, body, { tenantId: tenantB.id, name: "Hacked" }, env(operator));
    expect(res).toEqual({ ok: false, error: "Not found." });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: tenantB.id } })).name).toBe("Tenant B");
    expect(await lastEvent()).toMatchObject({
      outcome: "denied",
      tenantId: tenantB.id,
      reason: expect.stringMatching(/not in the caller's scope/),
    });
  });

  it("returns field errors for invalid input without running the body", async () => {
    const res = await runAction(def, body, { tenantId: tenantA.id, name: "x" }, env(operator));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.fieldErrors?.name?.[0]).toMatch(/3/);
  });

  it("accepts FormData", async () => {
    const fd = new FormData();
    fd.set("tenantId", tenantA.id);
    fd.set("name", "Tenant A2");
    expect(await runAction(def, body, fd, env(operator))).toMatchObject({
      ok: true,
      data: "Tenant A2",
      eventId: expect.any(String),
    });
  });

  it("commits the change and its audit event together", async () => {
    const res = await runAction(def, body, { tenantId: tenantA.id, name: "Tenant A3" }, env(operator));
    expect(res).toMatchObject({ ok: true, data: "Tenant A3" });
    expect(await lastEvent()).toMatchObject({
      outcome: "success",
      tenantId: tenantA.id,
      actorEmail: operator.email,
      after: { name: "Tenant A3" },
    });
  });

  it("rolls the change back when the body fails, and records the failure", async () => {
    const res = await runAction(def, body, { tenantId: tenantA.id, name: "explode" }, env(operator));
    expect(res).toEqual({ ok: false, error: "refused by the body" });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: tenantA.id } })).name).toBe("Tenant A3");
    expect(await lastEvent()).toMatchObject({ outcome: "failure", reason: "refused by the body" });
  });

  it("external mode records the intent before the call and links the outcome to it", async () => {
    let seenPending = false;
    const res = await runAction(
      { ...def, mode: "external", describe: (i) => ({ targets: [{ type: "tenant", id: i.tenantId }] }) },
      async (input) => {
        seenPending = (await lastEvent()).outcome === "pending";
        return input.name;
      },
      { tenantId: tenantA.id, name: "Vendor call" },
      env(operator),
    );
    expect(res.ok).toBe(true);
    expect(seenPending).toBe(true);
    const [outcome, intent] = await t.db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 2 });
    expect(intent).toMatchObject({ outcome: "pending", targets: [{ type: "tenant", id: tenantA.id }] });
    expect(outcome).toMatchObject({ outcome: "success", correlationId: intent!.id });
  });

  it("hides unexpected errors from the caller but records them", async () => {
    const res = await runAction(
      def,
      async () => {
        throw new Error("database exploded");
      },
      { tenantId: tenantA.id, name: "Whatever" },
      env(operator),
    );
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/unexpectedly/) });
    expect(await lastEvent()).toMatchObject({ outcome: "failure", reason: "database exploded" });
  });

  it("records a refusal whose input holds a NUL byte or a huge id, instead of failing to record it", async () => {
    for (const tenantId of ["x\u0000y", "t".repeat(100_000)]) {
      const res = await runAction(def, body, { tenantId, name: "Hacked" }, env(operator));
      expect(res).toEqual({ ok: false, error: "Not found." });
      const ev = await lastEvent();
      expect(ev).toMatchObject({ outcome: "denied", actorId: operator.id });
      expect(ev.tenantId!.length).toBeLessThanOrEqual(512);
      expect(ev.tenantId).not.toContain("\u0000");
      expect(ev.reason).not.toContain("\u0000");
    }
    const chain = await verifyAuditChain(t.db);
    expect(chain.ok).toBe(true);
  });
});
