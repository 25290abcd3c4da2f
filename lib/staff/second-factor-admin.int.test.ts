import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { runAction } from "../actions/run-action";
import type { Staff } from "../auth/staff";
import { verifySignIn } from "../auth/verify-sign-in";
import { totpCode } from "../second-factor/totp";
import { confirmTotpEnrolment, startTotpEnrolment } from "../second-factor/totp-factor";
import {
  resetSecondFactorBody,
  resetSecondFactorDef,
  saveSecondFactorPolicyBody,
  saveSecondFactorPolicyDef,
} from "./second-factor-admin";

process.env.CONSOLE_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

let t: TestDatabase;
let a: { id: string };
let b: { id: string };
let fullAdmin: Staff;
let adminA: Staff;
beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
  b = await makeTenant(t.db, "B");
  fullAdmin = await makeStaff(t.db, { role: "admin", tenantIds: [a.id, b.id] });
  adminA = await makeStaff(t.db, { role: "admin", tenantIds: [a.id] });
});
afterAll(() => t.drop());

const password = "right password 3";
const env = (staff: Staff) => ({
  db: t.db,
  staff: async () => staff,
  meta: async () => ({ ip: "203.0.113.60", userAgent: "vitest" }),
});
const reset = (by: Staff, staffId: string) =>
  runAction(resetSecondFactorDef, resetSecondFactorBody, { staffId }, env(by));
const savePolicy = (by: Staff, input: unknown) =>
  runAction(saveSecondFactorPolicyDef, saveSecondFactorPolicyBody, input, env(by));
const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });

async function withTotp(role: Staff["role"], tenantIds: string[]) {
  const staff = await makeStaff(t.db, { role, tenantIds, password });
  const { secret } = await startTotpEnrolment(t.db, staff);
  await confirmTotpEnrolment(t.db, staff.id, totpCode(secret.replace(/ /g, "")));
  return staff;
}

describe("resetting another staff user's second factor", () => {
  it("removes every factor and recovery code, bumps the session version (signs them out) and is audited", async () => {
    const target = await withTotp("operator", [a.id]);
    await t.db.staffPasskey.create({
      data: { staffId: target.id, credentialId: "cred-1", publicKey: new Uint8Array([1]), name: "Key" },
    });
    const res = await reset(adminA, target.id);
    expect(res).toMatchObject({ ok: true });
    const row = await t.db.staffUser.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.sessionVersion).toBe(target.sessionVersion + 1);
    expect(await t.db.staffTotp.count({ where: { staffId: target.id } })).toBe(0);
    expect(await t.db.staffPasskey.count({ where: { staffId: target.id } })).toBe(0);
    expect(await t.db.staffRecoveryCode.count({ where: { staffId: target.id } })).toBe(0);
    expect(await lastEvent()).toMatchObject({
      action: "staff.second_factor.reset",
      outcome: "success",
      actorId: adminA.id,
      targets: [{ type: "staff_user", id: target.id, label: target.email }],
      before: { totp: true, passkeys: 1, recoveryCodesLeft: 10 },
      after: { totp: false, passkeys: 0, signedOut: true },
    });
    // With no factor and none required, the password alone signs in again.
    expect(
      await verifySignIn(t.db, { email: target.email, password, ip: "198.51.100.7", userAgent: "vitest" }),
    ).toMatchObject({ ok: true, next: "none" });
  });

  it("is refused for staff beyond the caller's reach, changing nothing", async () => {
    const inB = await withTotp("viewer", [a.id, b.id]);
    const otherAdmin = await withTotp("admin", [a.id]);
    for (const target of [inB, otherAdmin]) {
      // One it cannot see is "no such staff user"; one it sees but outranks it is refused by name.
      expect(await reset(adminA, target.id)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/no such staff user|may not change/),
      });
      expect(await t.db.staffTotp.count({ where: { staffId: target.id } })).toBe(1);
      expect(await lastEvent()).toMatchObject({
        action: "staff.second_factor.reset",
        outcome: "denied",
        actorId: adminA.id,
      });
    }
    // An admin holding every tenant may.
    expect(await reset(fullAdmin, otherAdmin.id)).toMatchObject({ ok: true });
  });

  it("is refused for oneself and for non-admins", async () => {
    expect(await reset(adminA, adminA.id)).toMatchObject({ ok: false, error: expect.stringMatching(/Settings/) });
    const operator = await makeStaff(t.db, { role: "operator", tenantIds: [a.id] });
    const viewer = await withTotp("viewer", [a.id]);
    expect(await reset(operator, viewer.id)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/may not do this/),
    });
    expect(await lastEvent()).toMatchObject({ outcome: "denied", reason: expect.stringMatching(/lacks staff.manage/) });
  });
});

describe("the second factor requirement", () => {
  it("is set by an admin holding every tenant, audited, and makes a covered user without a factor enrol", async () => {
    const viewer = await makeStaff(t.db, { role: "viewer", password });
    const operator = await makeStaff(t.db, { role: "operator", password });
    expect(await savePolicy(fullAdmin, { scope: "roles", roles: ["operator"] })).toMatchObject({ ok: true });
    expect(await lastEvent()).toMatchObject({
      action: "staff.second_factor_policy.changed",
      before: { scope: "none", roles: [] },
      after: { scope: "roles", roles: ["operator"] },
    });
    const signIn = (email: string) => verifySignIn(t.db, { email, password, ip: "198.51.100.8", userAgent: "vitest" });
    expect(await signIn(operator.email)).toMatchObject({ ok: true, next: "enrol" });
    expect(await signIn(viewer.email)).toMatchObject({ ok: true, next: "none" });

    expect(await savePolicy(fullAdmin, { scope: "all" })).toMatchObject({
      ok: true,
      data: { scope: "all", roles: [] },
    });
    expect(await signIn(viewer.email)).toMatchObject({ ok: true, next: "enrol" });
    expect(await savePolicy(fullAdmin, { scope: "none" })).toMatchObject({ ok: true });
  });

  it("is refused to an admin without every tenant, and a role list must not be empty", async () => {
    expect(await savePolicy(adminA, { scope: "all" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/every tenant/),
    });
    expect(await savePolicy(fullAdmin, { scope: "roles", roles: [] })).toMatchObject({
      ok: false,
      fieldErrors: { roles: ["Choose at least one role"] },
    });
    expect((await t.db.secondFactorPolicy.findUnique({ where: { id: 1 } }))?.scope ?? "none").toBe("none");
  });
});
