import { describe, expect, it } from "vitest";
import { checkTotp, groupSecret, newTotpSecret, totpCode, totpUri } from "./totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const T = 1_800_000_000_000; // a fixed moment, at the start of a 30 s step
const step = T / 30_000;

describe("TOTP", () => {
  it("makes 160-bit base32 secrets, each different", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });

  it("puts issuer, account and the secret in the otpauth URI", () => {
    const uri = new URL(totpUri(secret, "ann@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Helpdesk console:ann@example.com");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Helpdesk console");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });

  it("accepts the current code and those one step either side, not two", () => {
    for (const offset of [-1, 0, 1]) {
      expect(checkTotp(secret, totpCode(secret, T + offset * 30_000), { lastUsedStep: null, now: T })).toEqual({
        ok: true,
        step: step + offset,
      });
    }
    for (const offset of [-2, 2]) {
      expect(checkTotp(secret, totpCode(secret, T + offset * 30_000), { lastUsedStep: null, now: T })).toEqual({
        ok: false,
        reason: "wrong",
      });
    }
  });

  it("refuses a code of the last used step or an earlier one, even within the window", () => {
    const now = totpCode(secret, T);
    const before = totpCode(secret, T - 30_000);
    expect(checkTotp(secret, now, { lastUsedStep: step, now: T })).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(secret, before, { lastUsedStep: step, now: T })).toEqual({ ok: false, reason: "replayed" });
    // The next step's code is still good after this one was used.
    expect(checkTotp(secret, totpCode(secret, T + 30_000), { lastUsedStep: step, now: T + 30_000 })).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it("accepts spaces inside a code and refuses anything but six digits", () => {
    const code = totpCode(secret, T);
    expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { lastUsedStep: null, now: T }).ok).toBe(true);
    for (const bad of ["", "12345", "1234567", "abcdef"])
      expect(checkTotp(secret, bad, { lastUsedStep: null, now: T })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a code made from another secret", () => {
    expect(checkTotp(secret, totpCode(newTotpSecret(), T), { lastUsedStep: null, now: T }).ok).toBe(false);
  });

  it("groups the secret in fours for typing", () => {
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
