import { describe, expect, it } from "vitest";
import { isVendorId, vendorIdsIn, withNames } from "./value-names";

const user1 = Buffer.from("User:1").toString("base64");
const group7 = Buffer.from("Group:7").toString("base64");

describe("vendor ids in values", () => {
  it("knows Twingate's base64 ids and JumpCloud's hex ids, and not words or UPNs", () => {
    expect(isVendorId(user1)).toBe(true);
    expect(isVendorId(group7)).toBe(true);
    expect(isVendorId("5f1b2c3d4e5f6a7b8c9d0e1f")).toBe(true);
    for (const s of ["alice@northwind.example", "ACTIVE", "Engineers", "abcdefgh", "QUJDREVGR0g=", "1234"])
      expect(isVendorId(s), s).toBe(false);
  });

  it("finds ids as values and as keys, at any depth", () => {
    const ids = vendorIdsIn([{ members: [user1, "x"] }, { [group7]: { name: "Eng" } }, null, "plain"]);
    expect(ids).toEqual(new Set([user1, group7]));
  });

  it("replaces known ids by name and leaves unknown ones and the shape alone", () => {
    const names = new Map([[user1, "alice@northwind.example"]]);
    expect(withNames({ userId: user1, groups: [group7], [user1]: true, n: 3 }, names)).toEqual({
      userId: "alice@northwind.example",
      groups: [group7],
      "alice@northwind.example": true,
      n: 3,
    });
  });
});
