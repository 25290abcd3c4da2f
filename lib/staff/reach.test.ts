import { describe, expect, it } from "vitest";
import { type ActorReach, grantRefusal, manageRefusal, maySee } from "./reach";

const owner: ActorReach = { id: "o", role: "admin", tenantIds: ["a", "b"], allTenants: true };
const scopedAdmin: ActorReach = { id: "s", role: "admin", tenantIds: ["a"], allTenants: false };
const operator: ActorReach = { id: "p", role: "operator", tenantIds: ["a"], allTenants: false };

describe("staff reach", () => {
  it("sees only accounts whose tenants are all the caller's", () => {
    expect(maySee(scopedAdmin, { role: "viewer", tenantIds: ["a"] })).toBe(true);
    expect(maySee(scopedAdmin, { role: "viewer", tenantIds: [] })).toBe(true);
    expect(maySee(scopedAdmin, { role: "viewer", tenantIds: ["a", "b"] })).toBe(false);
    expect(maySee(owner, { role: "admin", tenantIds: ["a", "b"] })).toBe(true);
  });

  it("a tenant-scoped admin manages operators and viewers of its tenants, never an admin", () => {
    expect(manageRefusal(scopedAdmin, { role: "operator", tenantIds: ["a"] })).toBeNull();
    expect(manageRefusal(scopedAdmin, { role: "viewer", tenantIds: ["b"] })).toMatch(/outside/);
    expect(manageRefusal(scopedAdmin, { role: "admin", tenantIds: ["a"] })).toMatch(/every tenant/);
    expect(manageRefusal(scopedAdmin, { role: "admin", tenantIds: ["a", "b"] })).toMatch(/outside/);
  });

  it("an admin with every tenant manages anyone; an operator never an admin", () => {
    expect(manageRefusal(owner, { role: "admin", tenantIds: ["a", "b"] })).toBeNull();
    expect(manageRefusal(operator, { role: "admin", tenantIds: [] })).toMatch(/outranks/);
  });

  it("grants only tenants the caller has, and roles up to its own; admin only with every tenant", () => {
    expect(grantRefusal(scopedAdmin, { role: "operator", tenantIds: ["a"] })).toBeNull();
    expect(grantRefusal(scopedAdmin, { role: "operator", tenantIds: ["a", "b"] })).toMatch(/does not have/);
    expect(grantRefusal(scopedAdmin, { role: "admin", tenantIds: ["a"] })).toMatch(/every tenant/);
    expect(grantRefusal(owner, { role: "admin", tenantIds: ["a"] })).toBeNull();
    expect(grantRefusal(operator, { role: "admin", tenantIds: [] })).toMatch(/above/);
  });
});
