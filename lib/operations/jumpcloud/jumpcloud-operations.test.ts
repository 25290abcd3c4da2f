import { describe, expect, it } from "vitest";
import { actionInputOf, actionSchema, itemsOf } from "../items";
import reactivateUser from "./reactivate-user";
import suspendUser from "./suspend-user";

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
