import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff } from "../../test/factories";
import { SoftAuthenticator } from "../../test/soft-authenticator";
import { THROTTLE } from "../auth/throttle";
import { verifySignIn } from "../auth/verify-sign-in";
import { open } from "../crypto/secret-box";
import { confirmTotpAtSignIn, finishSignInAfterEnrolment, startTotpAtSignIn } from "./enrol-at-sign-in";
import { passkeyAuthenticationOptions, passkeyRegistrationOptions, registerPasskey } from "./passkeys";
import { type SecondFactorAnswer, verifySecondFactor } from "./second-step";
import { totpCode } from "./totp";
import { confirmTotpEnrolment, startTotpEnrolment } from "./totp-factor";

process.env.CONSOLE_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const T = 1_900_000_000_000; // a fixed moment at the start of a 30 s step
const rp = { rpID: "console.example", origin: "https://console.example", name: "Helpdesk console" };
const password = "right password 1";
let ipCounter = 0;

/** A staff user with a confirmed authenticator app (enrolled at T) and its secret and recovery codes. */
async function withTotp() {
  const staff = await makeStaff(t.db, { role: "operator", password });
  const { secret } = await startTotpEnrolment(t.db, staff);
  const plain = secret.replace(/ /g, "");
  const { recoveryCodes } = await confirmTotpEnrolment(t.db, staff.id, totpCode(plain, T), T);
  return { staff, secret: plain, recoveryCodes: recoveryCodes! };
}

const step = (
  staff: { id: string; sessionVersion: number },
  answer: SecondFactorAnswer,
  at = T + 30_000,
  ip = `203.0.113.${++ipCounter}`,
) =>
  verifySecondFactor(t.db, {
    staffId: staff.id,
    sessionVersion: staff.sessionVersion,
    answer,
    ip,
    userAgent: "vitest",
    now: new Date(at),
  });
const lastEvents = async (staffId: string, n: number) =>
  (await t.db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 50 }))
    .filter((e) => JSON.stringify(e.targets).includes(staffId))
    .slice(0, n);

describe("password step with a second factor", () => {
  it("stores the secret sealed and bound to the staff user", async () => {
    const { staff, secret } = await withTotp();
    const row = await t.db.staffTotp.findUniqueOrThrow({ where: { staffId: staff.id } });
    expect(row.secretSealed).not.toContain(secret);
    expect(open(row.secretSealed, `staff-totp:${staff.id}`)).toBe(secret);
    expect(() => open(row.secretSealed, "staff-totp:someone-else")).toThrow();
    expect(row.confirmedAt).toEqual(new Date(T));
  });

  it("a right password is not yet a sign-in: the next step is the second factor, audited as such", async () => {
    const { staff } = await withTotp();
    const res = await verifySignIn(t.db, { email: staff.email, password, ip: "198.51.100.1", userAgent: "vitest" });
    expect(res).toMatchObject({ ok: true, next: "second_factor" });
    const [ev] = await lastEvents(staff.id, 1);
    expect(ev).toMatchObject({
      action: "staff.password_verified",
      outcome: "success",
      after: { next: "second_factor" },
    });
    expect((await t.db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).lastSignInAt).toBeNull();
  });
});

describe("verifySecondFactor", () => {
  it("accepts the right code and signs in, audited with the method", async () => {
    const { staff, secret } = await withTotp();
    const res = await step(staff, { method: "totp", code: totpCode(secret, T + 30_000) });
    expect(res).toMatchObject({ ok: true, staff: { id: staff.id }, method: "totp" });
    const [ev] = await lastEvents(staff.id, 1);
    expect(ev).toMatchObject({
      action: "staff.signed_in",
      actorId: staff.id,
      outcome: "success",
      after: { method: "password+totp" },
    });
  });

  it("refuses a replayed code, even within its window, and a wrong one; both audited", async () => {
    const { staff, secret } = await withTotp();
    const code = totpCode(secret, T + 60_000);
    expect((await step(staff, { method: "totp", code }, T + 60_000)).ok).toBe(true);
    expect(await step(staff, { method: "totp", code }, T + 70_000)).toEqual({ ok: false, reason: "invalid" });
    // The step before is also spent: the window does not reopen it.
    expect(await step(staff, { method: "totp", code: totpCode(secret, T + 30_000) }, T + 70_000)).toEqual({
      ok: false,
      reason: "invalid",
    });
    const wrong = String((Number(totpCode(secret, T + 90_000)) + 1) % 1_000_000).padStart(6, "0");
    expect(await step(staff, { method: "totp", code: wrong }, T + 90_000)).toEqual({ ok: false, reason: "invalid" });
    const events = await lastEvents(staff.id, 3);
    expect(events.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ["staff.second_factor_failed", "failure", "wrong code"],
      ["staff.second_factor_failed", "failure", "code already used"],
      ["staff.second_factor_failed", "failure", "code already used"],
    ]);
    expect(events[0]).toMatchObject({ actorId: null, after: { method: "totp" } });
  });

  it("refuses the code that confirmed the enrolment", async () => {
    const { staff, secret } = await withTotp();
    expect(await step(staff, { method: "totp", code: totpCode(secret, T) }, T + 10_000)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("takes each recovery code once and audits its use with what is left", async () => {
    const { staff, recoveryCodes } = await withTotp();
    expect(recoveryCodes).toHaveLength(10);
    expect(await step(staff, { method: "recovery_code", code: recoveryCodes[3]!.toUpperCase() })).toMatchObject({
      ok: true,
      method: "recovery_code",
    });
    const [signedIn, used] = await lastEvents(staff.id, 2);
    expect(used).toMatchObject({ action: "staff.recovery_code.used", outcome: "success", after: { remaining: 9 } });
    expect(signedIn).toMatchObject({ action: "staff.signed_in", after: { method: "password+recovery_code" } });
    expect(await step(staff, { method: "recovery_code", code: recoveryCodes[3]! })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await lastEvents(staff.id, 1))[0]).toMatchObject({
      action: "staff.second_factor_failed",
      reason: "wrong or already used recovery code",
    });
  });

  it(
    "throttles guesses like passwords: " + "after five wrong codes even the right one and the password are refused",
    async () => {
      const { staff, secret } = await withTotp();
      for (let i = 0; i < THROTTLE.perAccount; i++) {
        expect(
          await step(staff, { method: "totp", code: "000000" === totpCode(secret, T + 30_000) ? "111111" : "000000" }),
        ).toEqual({ ok: false, reason: "invalid" });
      }
      const now = Date.now();
      const res = await step(staff, { method: "totp", code: totpCode(secret, now) }, now);
      expect(res).toMatchObject({ ok: false, reason: "throttled" });
      expect((await lastEvents(staff.id, 1))[0]).toMatchObject({
        action: "staff.second_factor_failed",
        outcome: "denied",
        reason: expect.stringMatching(/^throttled/),
      });
      expect(
        await verifySignIn(t.db, { email: staff.email, password, ip: "198.51.100.99", userAgent: "vitest" }),
      ).toMatchObject({ ok: false, reason: "throttled" });
    },
  );

  it(
    "judges guesses sent all at once one after another, " + "so a burst gets no more tries than the throttle allows",
    async () => {
      const { staff, secret } = await withTotp();
      const now = Date.now();
      const wrong = totpCode(secret, now) === "000000" ? "111111" : "000000";
      const results = await Promise.all(
        Array.from({ length: 20 }, () => step(staff, { method: "totp", code: wrong }, now, "203.0.113.250")),
      );
      expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE.perAccount);
      expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(20 - THROTTLE.perAccount);
    },
  );

  it("refuses when the account changed since the password (reset, disabled)", async () => {
    const { staff, secret } = await withTotp();
    await t.db.staffUser.update({ where: { id: staff.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await step(staff, { method: "totp", code: totpCode(secret, T + 30_000) })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("accepts a passkey answer once; a replayed answer or one from another origin is refused", async () => {
    const staff = await makeStaff(t.db, { role: "viewer", password });
    const key = new SoftAuthenticator(rp.origin, rp.rpID);
    const regOptions = await passkeyRegistrationOptions(t.db, staff, rp);
    const { recoveryCodes } = await registerPasskey(
      t.db,
      staff.id,
      { name: "Laptop", response: key.register(regOptions) },
      rp,
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(
      await verifySignIn(t.db, { email: staff.email, password, ip: "198.51.100.2", userAgent: "vitest" }),
    ).toMatchObject({ ok: true, next: "second_factor" });

    const options = (await passkeyAuthenticationOptions(t.db, staff.id, rp))!;
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([key.id]);
    const answer = key.authenticate(options);
    expect(await step(staff, { method: "passkey", response: answer, rp }, Date.now())).toMatchObject({
      ok: true,
      method: "passkey",
    });
    const stored = await t.db.staffPasskey.findFirstOrThrow({ where: { staffId: staff.id } });
    expect(stored.counter).toBe(2n);
    expect(stored.lastUsedAt).not.toBeNull();
    expect(await step(staff, { method: "passkey", response: answer, rp }, Date.now())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await lastEvents(staff.id, 1))[0]).toMatchObject({
      reason: expect.stringMatching(/no outstanding passkey challenge/),
    });

    const phished = key.authenticate(
      (await passkeyAuthenticationOptions(t.db, staff.id, rp))!,
      "https://console-example.evil",
    );
    expect(await step(staff, { method: "passkey", response: phished, rp }, Date.now())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await lastEvents(staff.id, 1))[0]).toMatchObject({ reason: expect.stringMatching(/origin/i) });
  });

  it("refuses another account's passkey", async () => {
    const owner = await makeStaff(t.db, { role: "viewer", password });
    const other = await makeStaff(t.db, { role: "viewer", password });
    const key = new SoftAuthenticator(rp.origin, rp.rpID);
    await registerPasskey(
      t.db,
      owner.id,
      { name: "Key", response: key.register(await passkeyRegistrationOptions(t.db, owner, rp)) },
      rp,
    );
    const otherKey = new SoftAuthenticator(rp.origin, rp.rpID);
    await registerPasskey(
      t.db,
      other.id,
      { name: "Key", response: otherKey.register(await passkeyRegistrationOptions(t.db, other, rp)) },
      rp,
    );
    const options = (await passkeyAuthenticationOptions(t.db, other.id, rp))!;
    expect(await step(other, { method: "passkey", response: key.authenticate(options), rp }, Date.now())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await lastEvents(other.id, 1))[0]).toMatchObject({
      reason: "the passkey is not registered to this account",
    });
  });
});

describe("enrolment demanded at sign-in", () => {
  const meta = { ip: "198.51.100.30", userAgent: "vitest" };
  const pendingOf = (staff: { id: string; sessionVersion: number }, step: "enrol" | "enrolled" = "enrol") => ({
    staffId: staff.id,
    sessionVersion: staff.sessionVersion,
    step,
    next: "/",
    ...(step === "enrolled" ? { factor: "totp" as const, enrolledAt: Date.now() - 1 } : {}),
  });

  it("sets up the app, audits it, returns recovery codes, then signs in", async () => {
    const staff = await makeStaff(t.db, { role: "admin", password });
    const { secret } = await startTotpAtSignIn(t.db, pendingOf(staff));
    const codes = await confirmTotpAtSignIn(t.db, pendingOf(staff), totpCode(secret.replace(/ /g, "")), meta);
    expect(codes).toHaveLength(10);
    expect((await lastEvents(staff.id, 1))[0]).toMatchObject({
      action: "staff.totp.enrolled",
      actorId: staff.id,
      outcome: "success",
      after: { during: "sign_in" },
    });
    const enrolled = pendingOf(staff, "enrolled");
    expect(await finishSignInAfterEnrolment(t.db, enrolled, meta)).toMatchObject({ id: staff.id });
    expect((await lastEvents(staff.id, 1))[0]).toMatchObject({
      action: "staff.signed_in",
      after: { method: "password+totp" },
    });
    // The same state (a copied cookie) signs in once only.
    await expect(finishSignInAfterEnrolment(t.db, enrolled, meta)).rejects.toThrow(/expired/);
  });

  it("is refused once the account has a factor: the password alone never adds one", async () => {
    const { staff } = await withTotp();
    await expect(startTotpAtSignIn(t.db, pendingOf(staff))).rejects.toThrow(/already set up/);
    await expect(confirmTotpAtSignIn(t.db, pendingOf(staff), "123456", meta)).rejects.toThrow(/already set up/);
  });

  it("is refused for a stale pending state", async () => {
    const staff = await makeStaff(t.db, { role: "admin", password });
    await expect(
      startTotpAtSignIn(t.db, { ...pendingOf(staff), sessionVersion: staff.sessionVersion + 1 }),
    ).rejects.toThrow(/expired/);
    await expect(finishSignInAfterEnrolment(t.db, pendingOf(staff, "enrolled"), meta)).rejects.toThrow(/gone/);
  });
});
