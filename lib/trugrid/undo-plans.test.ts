import { describe, expect, it } from "vitest";
import { flipInput, restoreInput } from "./undo-plans";

const event = (action: string, before: unknown, after: unknown) => ({ id: "e1", action, tenantId: "t1", vendor: "trugrid" as const, targets: [], before, after });

describe("TruGrid undo plans", () => {
  it("turns MFA back on only for users the change reached and who were not known to be off already", () => {
    expect(flipInput(event("trugrid.mfa.turned_off",
      { "a@x.example": { mfa: "unknown" }, "b@x.example": { mfa: "off" }, "c@x.example": { mfa: "on" } },
      { succeeded: ["a@x.example", "b@x.example", "c@x.example"] }), "mfa", "off"))
      .toEqual({ tenantId: "t1", upns: ["a@x.example", "c@x.example"] });
  });
  it("has nothing to undo when no user was changed", () => {
    expect(flipInput(event("trugrid.udp.enabled", {}, { succeeded: [] }), "udp", "on")).toBeNull();
  });
  it("puts replaced machines back, and cannot undo a new association", () => {
    expect(restoreInput(event("trugrid.machine_association.set", {}, { replaced: [{ userUpn: "a@x.example", groupName: "Pool", previousMachine: "PC-01" }] })))
      .toEqual({ tenantId: "t1", items: [{ userUpn: "a@x.example", groupName: "Pool", machineName: "PC-01" }] });
    expect(restoreInput(event("trugrid.machine_association.set", {}, { replaced: [] }))).toBeNull();
  });
});
