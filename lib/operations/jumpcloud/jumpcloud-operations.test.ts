import { describe, expect, it } from "vitest";
import { toBulkOperation } from "../derive/bulk";
import { actionInputOf, actionSchema, itemsOf } from "../items";
import expirePassword from "./expire-password";
import reactivateUser from "./reactivate-user";
import resetMfa from "./reset-mfa";
import suspendUser from "./suspend-user";
import unlockUser from "./unlock-user";

const USER = "5f0c1a2b0000000000000001";
const event = (
  action: string,
  before: unknown,
  targets = [{ type: "jumpcloud_user", id: USER, label: "a@x.example" }],
) => ({
  id: "e1",
  action,
  tenantId: "t1",
  vendor: "jumpcloud" as const,
  targets,
  before,
  after: null,
});

describe("JumpCloud's user state changes", () => {
  it("undo reactivates only a user who was active, and suspends again only one who was suspended", () => {
    expect(suspendUser.inverse?.items(event("jumpcloud.user.suspended", { state: "ACTIVATED" }))).toEqual([
      { userId: USER },
    ]);
    // A staged user is activated, not reactivated; an unknown user has nothing to undo.
    expect(suspendUser.inverse?.items(event("jumpcloud.user.suspended", { state: "STAGED" }))).toBeNull();
    expect(suspendUser.inverse?.items(event("jumpcloud.user.suspended", null))).toBeNull();
    expect(reactivateUser.inverse?.items(event("jumpcloud.user.reactivated", { state: "SUSPENDED" }))).toEqual([
      { userId: USER },
    ]);
    expect(reactivateUser.inverse?.items(event("jumpcloud.user.reactivated", { state: "SUSPENDED" }, []))).toBeNull();
  });

  it("takes one user id, as the user page posts it, and gives the same input back for an undo", () => {
    const schema = actionSchema(suspendUser);
    const input = schema.parse({ tenantId: "t1", userId: USER });
    expect(itemsOf(suspendUser, input)).toEqual([{ userId: USER }]);
    expect(schema.parse(actionInputOf(suspendUser, "t1", [{ userId: USER }]))).toEqual(input);
    expect(schema.safeParse({ tenantId: "t1", userId: "alice" }).error?.issues[0]?.message).toBe(
      "A JumpCloud object ID",
    );
  });

  it("sends a sheet row as the user id its plan found", () => {
    const row = reactivateUser.csv?.row.parse({ email: "A@x.example" });
    expect(row).toEqual({ email: "A@x.example" });
    expect(reactivateUser.csv?.toItem?.(row, { userId: USER } as never)).toEqual({ userId: USER });
  });
});

/** A worker's context: the client is built, never called. */
const WORKER = {
  db: {} as never,
  tenantId: "t1",
  connection: {
    tenantId: "t1",
    vendor: "jumpcloud" as const,
    baseUrl: "http://jc.invalid",
    settings: {},
    secrets: { apiKey: "k" },
  },
};

describe("JumpCloud's account security changes", () => {
  it("resends an unlock or an expiry after a crash, never a TOTP reset, which no read-back can confirm", async () => {
    expect([unlockUser, expirePassword].map((op) => toBulkOperation(op).repeatable)).toEqual([true, true]);
    const reset = toBulkOperation(resetMfa);
    expect(reset.repeatable).toBe(false);
    expect(
      await reset.check?.(WORKER, { email: "a@x.example", exclusionDays: 7 }, { before: null, after: null }),
    ).toBeNull();
  });

  it("audits a reset as the user page does: the snapshot, the enrolment status and the end of the window", () => {
    const answer = {
      _id: USER,
      state: "ACTIVATED",
      suspended: false,
      account_locked: false,
      password_expired: false,
      mfaEnrollment: { overallStatus: "NOT_ENROLLED" },
      mfa: { exclusionUntil: "2026-12-14T00:00:00.000Z" },
    };
    const done = [
      { item: { userId: USER, exclusionDays: 7 }, state: null, outcome: { ok: true, message: "", answer } },
    ];
    expect(resetMfa.audit.after(done as never)).toEqual({
      state: "ACTIVATED",
      suspended: false,
      accountLocked: false,
      passwordExpired: false,
      mfaStatus: "NOT_ENROLLED",
      exclusionUntil: "2026-12-14T00:00:00.000Z",
    });
    expect(resetMfa.result?.(done as never)).toEqual({
      state: "ACTIVATED",
      email: null,
      exclusionUntil: "2026-12-14T00:00:00.000Z",
    });
  });
});
