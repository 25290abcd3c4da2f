import { describe, expect, it } from "vitest";
import { offers } from "./operation";

describe("an operation's surfaces", () => {
  it("are a page action, and the Bulk page with a sheet, unless it declares its own", () => {
    expect(offers({}, "page")).toBe(true);
    expect(offers({}, "csv")).toBe(false);
    expect(offers({ csv: {} as never }, "csv")).toBe(true);
    expect(offers({ csv: {} as never }, "runbook")).toBe(false);
    // A sheet's only operation (JumpCloud's user creation): no page action.
    expect(offers({ csv: {} as never, surfaces: ["csv"] }, "page")).toBe(false);
    // A runbook's only step (TruGrid's association removal).
    expect(offers({ csv: {} as never, surfaces: ["runbook"] }, "runbook")).toBe(true);
  });
});
