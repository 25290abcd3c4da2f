import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff } from "../../test/factories";
import { THROTTLE } from "./throttle";
import { verifySignIn } from "./verify-sign-in";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const attempt = (email: string, password: string, ip = "198.51.100.1") =>
  verifySignIn(t.db, { email, password, ip, userAgent: "vitest" });

describe("verifySignIn", () => {
  it("signs in with the right password (email case-insensitive) and audits it", async () => {
    const s = await makeStaff(t.db, { role: "viewer", email: "case@example.com", password: "right password 1" });
    const res = await attempt("  CASE@Example.com ", "right password 1");
    expect(res).toMatchObject({ ok: true, staff: { id: s.id } });
    const ev = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(ev).toMatchObject({ action: "staff.signed_in", actorId: s.id, outcome: "success", ip: "198.51.100.1" });
  });

  it("refuses a wrong password and an unknown account alike, and audits both", async () => {
    await makeStaff(t.db, { role: "viewer", email: "wrong@example.com", password: "right password 2" });
    expect(await attempt("wrong@example.com", "nope")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@example.com", "nope")).toEqual({ ok: false, reason: "invalid" });
    const events = await t.db.auditEvent.findMany({
      where: { action: "staff.sign_in_failed" },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.reason)).toEqual(["wrong password", "unknown account"]);
  });

  it("refuses a disabled account even with the right password", async () => {
    const s = await makeStaff(t.db, { role: "admin", email: "off@example.com", password: "right password 3" });
    await t.db.staffUser.update({ where: { id: s.id }, data: { disabled: true } });
    expect(await attempt("off@example.com", "right password 3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after repeated failures, even for the right password, from any address", async () => {
    await makeStaff(t.db, { role: "viewer", email: "target@example.com", password: "right password 4" });
    for (let i = 0; i < THROTTLE.perAccount; i++)
      expect((await attempt("target@example.com", `guess ${i}`, `192.0.2.${i}`)).ok).toBe(false);
    const res = await attempt("target@example.com", "right password 4", "192.0.2.200");
    expect(res).toMatchObject({ ok: false, reason: "throttled" });
    if (!res.ok) expect(res.retryAfterSeconds).toBeGreaterThan(0);
    const ev = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(ev).toMatchObject({
      action: "staff.sign_in_failed",
      outcome: "denied",
      reason: expect.stringMatching(/throttled.*account/),
    });
  });

  it("throttles an address spraying many accounts", async () => {
    await makeStaff(t.db, { role: "viewer", email: "victim@example.com", password: "right password 5" });
    for (let i = 0; i < THROTTLE.perIp; i++) await attempt(`spray${i}@example.com`, "Summer2026!", "198.51.100.66");
    expect(await attempt("victim@example.com", "right password 5", "198.51.100.66")).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // The same account from elsewhere is unaffected.
    expect((await attempt("victim@example.com", "right password 5", "198.51.100.67")).ok).toBe(true);
  });
});
