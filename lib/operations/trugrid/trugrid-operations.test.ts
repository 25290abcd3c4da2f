import { describe, expect, it } from "vitest";
import { actionInputOf, actionSchema, itemsOf } from "../items";
import resetMfa from "./reset-mfa";
import turnOffMfa from "./turn-off-mfa";

const event = (action: string, before: unknown, after: unknown) => ({
  id: "e1",
  action,
  tenantId: "t1",
  vendor: "trugrid" as const,
  targets: [],
  before,
  after,
});

describe("TruGrid's per-user changes", () => {
  it("undo turns MFA back on only for users the change reached and who were not known to be off already", () => {
    const e = event(
      "trugrid.mfa.turned_off",
      { "a@x.example": { mfa: "unknown", udp: "on" }, "b@x.example": { mfa: "off" }, "c@x.example": { mfa: "on" } },
      { succeeded: ["a@x.example", "b@x.example", "c@x.example"] },
    );
    expect(turnOffMfa.inverse?.items(e)).toEqual([{ upn: "a@x.example" }, { upn: "c@x.example" }]);
  });

  it("has nothing to undo when no user was changed", () => {
    expect(turnOffMfa.inverse?.items(event("trugrid.mfa.turned_off", {}, { succeeded: [] }))).toBeNull();
  });

  it("takes a page's list of UPNs, one flag for all, and gives the same input back for an undo", () => {
    const schema = actionSchema(resetMfa);
    const input = schema.parse({
      tenantId: "t1",
      upns: ["a@x.example", "b@x.example", "a@x.example"],
      resetPhone: true,
    });
    const items = itemsOf(resetMfa, input);
    expect(items).toEqual([
      { upn: "a@x.example", resetPhone: true },
      { upn: "b@x.example", resetPhone: true },
    ]);
    expect(schema.parse(actionInputOf(resetMfa, "t1", items))).toEqual(input);
    expect(schema.safeParse({ tenantId: "t1", upns: [], resetPhone: false }).error?.issues[0]?.message).toBe(
      "Choose at least one user.",
    );
  });

  it("reads a sheet's resetPhone as yes/no, true/false or 1/0, and refuses anything else", () => {
    const row = resetMfa.csv?.row;
    expect(row?.parse({ upn: "a@x.example", resetPhone: "Yes".toLowerCase() })).toEqual({
      upn: "a@x.example",
      resetPhone: true,
    });
    expect(row?.parse({ upn: "a@x.example" })).toEqual({ upn: "a@x.example", resetPhone: false });
    expect(row?.safeParse({ upn: "a@x.example", resetPhone: "maybe" }).error?.issues[0]?.message).toBe(
      "resetPhone must be true or false",
    );
  });
});

describe("TruGrid's machine associations", () => {
  it("undo puts replaced machines back, and cannot undo a new association", async () => {
    const { default: set } = await import("./set-machine-associations");
    const replaced = [{ userUpn: "a@x.example", groupName: "Pool", previousMachine: "PC-01" }];
    expect(set.inverse?.items(event("trugrid.machine_association.set", {}, { replaced }))).toEqual([
      { userUpn: "a@x.example", groupName: "Pool", machineName: "PC-01" },
    ]);
    expect(set.inverse?.items(event("trugrid.machine_association.set", {}, { replaced: [] }))).toBeNull();
    const input = actionInputOf(set, "t1", [{ userUpn: "a@x.example", groupName: "Pool", machineName: "PC-01" }]);
    expect(input).toEqual({
      tenantId: "t1",
      items: [{ userUpn: "a@x.example", groupName: "Pool", machineName: "PC-01" }],
    });
    expect(itemsOf(set, actionSchema(set).parse(input))).toEqual(input.items);
  });
});
