import { describe, expect, it } from "vitest";
import { restoreInput } from "./undo-plans";

const event = (action: string, before: unknown, after: unknown) => ({ id: "e1", action, tenantId: "t1", vendor: "trugrid" as const, targets: [], before, after });

describe("TruGrid undo plans", () => {
  it("puts replaced machines back, and cannot undo a new association", () => {
    expect(restoreInput(event("trugrid.machine_association.set", {}, { replaced: [{ userUpn: "a@x.example", groupName: "Pool", previousMachine: "PC-01" }] })))
      .toEqual({ tenantId: "t1", items: [{ userUpn: "a@x.example", groupName: "Pool", machineName: "PC-01" }] });
    expect(restoreInput(event("trugrid.machine_association.set", {}, { replaced: [] }))).toBeNull();
  });
});
