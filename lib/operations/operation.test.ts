import { describe, expect, it } from "vitest";
import { surfacesOf } from "./operation";

describe("an operation's surfaces", () => {
  it("are every one its definition supports unless it declares fewer", () => {
    expect(surfacesOf({})).toEqual(["page"]);
    expect(surfacesOf({ csv: {} })).toEqual(["page", "csv", "runbook"]);
    // A sheet's only operation (JumpCloud's user creation): no page action.
    expect(surfacesOf({ csv: {}, surfaces: ["csv"] })).toEqual(["csv"]);
  });
});
