import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff } from "../../test/factories";
import { SoftAuthenticator } from "../../test/soft-authenticator";
import { type ActionContext, type ActionDef, runAction } from "../actions/run-action";
import type { Staff } from "../auth/staff";
import * as own from "./own-factors";
import type { FactorEnv } from "./reauth";
import { totpCode } from "./totp";

process.env.CONSOLE_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const password = "right password 2";
const rp = { rpID: "console.example", origin: "https://console.example", name: "Helpdesk console" };
const meta = { ip: "203.0.113.50", userAgent: "vitest" };
const factorEnv = (): FactorEnv => ({ meta, attempts: t.db, rp: () => rp });
/** Calls a Security-settings action as `staff`, through the wrapper like the browser does. */
const call = <S extends z.ZodType, T>(
  def: ActionDef<S>,
  body: (i: z.output<S>, ctx: ActionContext, env: FactorEnv) => Promise<T>,
  staff: Staff,
  input: unknown,
) =>
  runAction(def, (i, ctx) => body(i, ctx, factorEnv()), input, {
    db: t.db,
    staff: async () => staff,
    meta: async () => meta,
  });
const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
const requireFor = (scope: "none" | "all" | "roles", roles: ("viewer" | "operator" | "admin")[] = []) =>
  t.db.secondFactorPolicy.upsert({ where: { id: 1 }, create: { id: 1, scope, roles }, update: { scope, roles } });

async function enrolTotp(staff: Staff) {
  const started = await call(own.startTotpDef, own.startTotpBody, staff, { password });
  if (!started.ok) throw new Error(started.error);
  const secret = started.data.secret.replace(/ /g, "");
  const confirmed = await call(own.confirmTotpDef, own.confirmTotpBody, staff, { code: totpCode(secret) });
  return { secret, confirmed };
}

describe("authenticator app enrolment (Settings → Security)", () => {
  it("asks for the password first, and audits a wrong one", async () => {
    const staff = await makeStaff(t.db, { role: "viewer", password });
    expect(await call(own.startTotpDef, own.startTotpBody, staff, { password: "not it" })).toEqual({
      ok: false,
      error: "The password is wrong.",
    });
    expect(await lastEvent()).toMatchObject({
      action: "staff.totp.enrolment_started",
      outcome: "failure",
      reason: "The password is wrong.",
      actorId: staff.id,
    });
    // Counted toward the sign-in throttle even though the action rolled back.
    expect(await t.db.signInAttempt.count({ where: { email: staff.email, success: false } })).toBe(1);
    expect(await t.db.staffTotp.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("shows a QR code and the secret, counts only once confirmed, and returns ten recovery codes then", async () => {
    const staff = await makeStaff(t.db, { role: "viewer", password });
    const started = await call(own.startTotpDef, own.startTotpBody, staff, { password });
    expect(started).toMatchObject({
      ok: true,
      data: {
        secret: expect.stringMatching(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/),
        uri: expect.stringMatching(/^otpauth:\/\/totp\//),
        qrSvg: expect.stringMatching(/^<svg/),
      },
    });
    if (!started.ok) return;
    expect((await t.db.staffTotp.findUniqueOrThrow({ where: { staffId: staff.id } })).confirmedAt).toBeNull();

    const right = totpCode(started.data.secret.replace(/ /g, ""));
    const wrong = await call(own.confirmTotpDef, own.confirmTotpBody, staff, {
      code: right === "123456" ? "654321" : "123456",
    });
    expect(wrong).toMatchObject({ ok: false, error: expect.stringMatching(/does not match/) });
    expect(await lastEvent()).toMatchObject({ action: "staff.totp.enrolled", outcome: "failure" });

    const confirmed = await call(own.confirmTotpDef, own.confirmTotpBody, staff, { code: right });
    expect(confirmed).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    if (confirmed.ok) expect(confirmed.data.recoveryCodes).toHaveLength(10);
    expect(await lastEvent()).toMatchObject({
      action: "staff.totp.enrolled",
      outcome: "success",
      after: { recoveryCodes: 10 },
    });
    expect((await t.db.staffTotp.findUniqueOrThrow({ where: { staffId: staff.id } })).confirmedAt).not.toBeNull();
    // Stored only hashed.
    const stored = await t.db.staffRecoveryCode.findMany({ where: { staffId: staff.id } });
    expect(stored).toHaveLength(10);
    if (confirmed.ok)
      for (const row of stored)
        expect(confirmed.data.recoveryCodes!.some((c) => row.codeHash.includes(c.replace(/-/g, "")))).toBe(false);

    expect(await call(own.startTotpDef, own.startTotpBody, staff, { password })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already set up/),
    });
  });

  it("regenerates recovery codes with the password, replacing the old ones", async () => {
    const staff = await makeStaff(t.db, { role: "viewer", password });
    await enrolTotp(staff);
    const before = await t.db.staffRecoveryCode.findMany({ where: { staffId: staff.id } });
    const res = await call(own.regenerateCodesDef, own.regenerateCodesBody, staff, { password });
    expect(res).toMatchObject({ ok: true });
    const after = await t.db.staffRecoveryCode.findMany({ where: { staffId: staff.id } });
    expect(after).toHaveLength(10);
    expect(after.some((a) => before.some((b) => b.codeHash === a.codeHash))).toBe(false);
    expect(await lastEvent()).toMatchObject({ action: "staff.recovery_codes.regenerated", outcome: "success" });
  });
});

describe("removing a factor", () => {
  it("is refused when the role requires a factor and none would be left; allowed once another exists", async () => {
    await requireFor("roles", ["operator"]);
    try {
      const staff = await makeStaff(t.db, { role: "operator", password });
      await enrolTotp(staff);
      const refused = await call(own.removeTotpDef, own.removeTotpBody, staff, { password });
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/must use a second factor/) });
      expect(await t.db.staffTotp.count({ where: { staffId: staff.id, confirmedAt: { not: null } } })).toBe(1);
      expect(await lastEvent()).toMatchObject({ action: "staff.totp.removed", outcome: "failure" });

      const key = new SoftAuthenticator(rp.origin, rp.rpID);
      const options = await call(own.passkeyOptionsDef, own.passkeyOptionsBody, staff, { password });
      if (!options.ok) throw new Error(options.error);
      const added = await call(own.addPasskeyDef, own.addPasskeyBody, staff, {
        name: "Security key",
        response: key.register(options.data),
      });
      // Not the first factor: the existing recovery codes stay.
      expect(added).toEqual({ ok: true, data: { recoveryCodes: null }, eventId: expect.any(String) });
      expect(await lastEvent()).toMatchObject({
        action: "staff.passkey.added",
        outcome: "success",
        after: { name: "Security key" },
      });

      expect(await call(own.removeTotpDef, own.removeTotpBody, staff, { password })).toMatchObject({ ok: true });
      const passkey = await t.db.staffPasskey.findFirstOrThrow({ where: { staffId: staff.id } });
      expect(
        await call(own.removePasskeyDef, own.removePasskeyBody, staff, { passkeyId: passkey.id, password }),
      ).toMatchObject({ ok: false, error: expect.stringMatching(/must use a second factor/) });
      expect(await t.db.staffPasskey.count({ where: { staffId: staff.id } })).toBe(1);
    } finally {
      await requireFor("none");
    }
  });

  it("removes the last factor of someone not required to have one, with their recovery codes", async () => {
    const staff = await makeStaff(t.db, { role: "viewer", password });
    await enrolTotp(staff);
    expect(await call(own.removeTotpDef, own.removeTotpBody, staff, { password: "wrong" })).toMatchObject({
      ok: false,
      error: "The password is wrong.",
    });
    expect(await call(own.removeTotpDef, own.removeTotpBody, staff, { password })).toMatchObject({ ok: true });
    expect(await t.db.staffTotp.count({ where: { staffId: staff.id } })).toBe(0);
    expect(await t.db.staffRecoveryCode.count({ where: { staffId: staff.id } })).toBe(0);
    expect(await lastEvent()).toMatchObject({ action: "staff.totp.removed", outcome: "success" });
  });
});

describe("passkeys (Settings → Security)", () => {
  it("adds, renames and removes a passkey, each audited; another user's passkey is not found", async () => {
    const staff = await makeStaff(t.db, { role: "viewer", password });
    const other = await makeStaff(t.db, { role: "admin", password });
    const key = new SoftAuthenticator(rp.origin, rp.rpID);
    const options = await call(own.passkeyOptionsDef, own.passkeyOptionsBody, staff, { password });
    if (!options.ok) throw new Error(options.error);
    expect(options.data.rp).toEqual({ id: rp.rpID, name: rp.name });
    const added = await call(own.addPasskeyDef, own.addPasskeyBody, staff, {
      name: "Laptop",
      response: key.register(options.data),
    });
    expect(added).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    const passkey = await t.db.staffPasskey.findFirstOrThrow({ where: { staffId: staff.id } });
    expect(passkey).toMatchObject({ name: "Laptop", credentialId: key.id, transports: ["internal"], counter: 1n });

    // An answer to a challenge already answered is refused.
    expect(
      await call(own.addPasskeyDef, own.addPasskeyBody, staff, { name: "Again", response: key.register(options.data) }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });

    expect(
      await call(own.renamePasskeyDef, own.renamePasskeyBody, staff, { passkeyId: passkey.id, name: "Work laptop" }),
    ).toMatchObject({ ok: true });
    expect(await lastEvent()).toMatchObject({
      action: "staff.passkey.renamed",
      before: { name: "Laptop" },
      after: { name: "Work laptop" },
    });
    expect(
      await call(own.renamePasskeyDef, own.renamePasskeyBody, other, { passkeyId: passkey.id, name: "Mine now" }),
    ).toMatchObject({ ok: false, error: "There is no such passkey." });
    expect(
      await call(own.removePasskeyDef, own.removePasskeyBody, other, { passkeyId: passkey.id, password }),
    ).toMatchObject({ ok: false, error: "There is no such passkey." });

    expect(
      await call(own.removePasskeyDef, own.removePasskeyBody, staff, { passkeyId: passkey.id, password }),
    ).toMatchObject({ ok: true });
    expect(await lastEvent()).toMatchObject({
      action: "staff.passkey.removed",
      outcome: "success",
      before: { name: "Work laptop" },
    });
    expect(await t.db.staffPasskey.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("refuses a registration answered for another site", async () => {
    const staff = await makeStaff(t.db, { role: "viewer", password });
    const key = new SoftAuthenticator("https://elsewhere.example", "elsewhere.example");
    const options = await call(own.passkeyOptionsDef, own.passkeyOptionsBody, staff, { password });
    if (!options.ok) throw new Error(options.error);
    expect(
      await call(own.addPasskeyDef, own.addPasskeyBody, staff, {
        name: "Phished",
        response: key.register(options.data),
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/not accepted/) });
    expect(await t.db.staffPasskey.count({ where: { staffId: staff.id } })).toBe(0);
  });
});
