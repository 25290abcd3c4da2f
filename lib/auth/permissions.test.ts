import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, roleAtLeast } from "./permissions";

describe("permissions", () => {
  it("orders roles viewer < operator < admin", () => {
    expect(roleAtLeast("admin", "operator")).toBe(true);
    expect(roleAtLeast("operator", "admin")).toBe(false);
    expect(roleAtLeast("viewer", "viewer")).toBe(true);
  });
  it("grants each permission to its role and above only", () => {
    for (const [perm, least] of Object.entries(PERMISSIONS)) {
      const p = perm as keyof typeof PERMISSIONS;
      expect(can("admin", p)).toBe(true);
      expect(can("operator", p)).toBe(least !== "admin");
      expect(can("viewer", p)).toBe(least === "viewer");
    }
  });
  it("keeps staff and tenant management with admins", () => {
    expect(can("operator", "staff.manage")).toBe(false);
    expect(can("operator", "connections.manage")).toBe(false);
    expect(can("viewer", "trugrid.user.write")).toBe(false);
  });
});
