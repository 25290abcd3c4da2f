import { afterEach, describe, expect, it, vi } from "vitest";
import { openPending, type PendingSignIn, sealPending } from "./pending-sign-in";
import { mintSignInGrant, readSignInGrant } from "./sign-in-grant";

const secret = "a test secret of enough length for HKDF";
const pending: PendingSignIn = {
  staffId: "staff-id-in-plain-sight",
  sessionVersion: 2,
  step: "second_factor",
  next: "/audit?x=1",
};

afterEach(() => vi.useRealTimers());

describe("pending sign-in state", () => {
  it("round-trips, and is opaque", async () => {
    const token = await sealPending(pending, secret);
    expect(token).not.toContain("staff-id-in-plain-sight");
    expect(Buffer.from(token.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1")).not.toContain(
      "staff-id-in-plain-sight",
    );
    expect(await openPending(token, secret)).toEqual(pending);
  });

  it("is refused with another key, tampered with, or missing", async () => {
    const token = await sealPending(pending, secret);
    expect(await openPending(token, "another secret of enough length")).toBeNull();
    expect(await openPending(`${token.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await openPending(undefined, secret)).toBeNull();
  });

  it("expires after minutes: five for the second step, fifteen for enrolment", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T10:00:00Z"));
    const step = await sealPending(pending, secret);
    const enrol = await sealPending({ ...pending, step: "enrol" }, secret);
    vi.setSystemTime(new Date("2026-06-01T10:04:30Z"));
    expect(await openPending(step, secret)).not.toBeNull();
    vi.setSystemTime(new Date("2026-06-01T10:05:30Z"));
    expect(await openPending(step, secret)).toBeNull();
    expect(await openPending(enrol, secret)).not.toBeNull();
    vi.setSystemTime(new Date("2026-06-01T10:15:30Z"));
    expect(await openPending(enrol, secret)).toBeNull();
  });

  it("keeps only a same-origin next path", async () => {
    const token = await sealPending({ ...pending, next: "//evil.example/x" }, secret);
    expect((await openPending(token, secret))?.next).toBe("/");
  });

  it("is single-purpose: a pending state is no sign-in grant, nor the reverse", async () => {
    const token = await sealPending(pending, secret);
    expect(await readSignInGrant(token, secret)).toBeNull();
    const grant = await mintSignInGrant({ staffId: "s1", sessionVersion: 2, method: "password+totp" }, secret);
    expect(await openPending(grant, secret)).toBeNull();
    expect(await readSignInGrant(grant, secret)).toEqual({ staffId: "s1", sessionVersion: 2, method: "password+totp" });
  });

  it("a grant lives a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T10:00:00Z"));
    const grant = await mintSignInGrant({ staffId: "s1", sessionVersion: 0, method: "password" }, secret);
    vi.setSystemTime(new Date("2026-06-01T10:01:30Z"));
    expect(await readSignInGrant(grant, secret)).toBeNull();
    expect(await readSignInGrant(42, secret)).toBeNull();
  });
});
