import { describe, expect, it } from "vitest";
import { hasEveryTenant, mayManage } from "./reach";

const ALL = ["a", "b", "c"];

describe("mayManage (staff reach)", () => {
  it("lets an admin manage staff of a lower role within their own tenants", () => {
    expect(mayManage({ role: "admin", tenantIds: ["a", "b"] }, { role: "operator", tenantIds: ["a"] }, ALL)).toBe(true);
    expect(mayManage({ role: "admin", tenantIds: ["a"] }, { role: "viewer", tenantIds: [] }, ALL)).toBe(true);
  });

  it("refuses a target with a tenant the caller lacks", () => {
    expect(mayManage({ role: "admin", tenantIds: ["a"] }, { role: "viewer", tenantIds: ["a", "b"] }, ALL)).toBe(false);
  });

  it("refuses a target with a higher role", () => {
    expect(mayManage({ role: "operator", tenantIds: ALL }, { role: "admin", tenantIds: [] }, ALL)).toBe(false);
    expect(mayManage({ role: "viewer", tenantIds: ALL }, { role: "operator", tenantIds: ["a"] }, ALL)).toBe(false);
  });

  it("lets only an admin holding every tenant manage an admin", () => {
    expect(mayManage({ role: "admin", tenantIds: ["a", "b"] }, { role: "admin", tenantIds: ["a"] }, ALL)).toBe(false);
    expect(mayManage({ role: "admin", tenantIds: ALL }, { role: "admin", tenantIds: ["a"] }, ALL)).toBe(true);
    expect(mayManage({ role: "admin", tenantIds: ["c", "b", "a"] }, { role: "admin", tenantIds: ALL }, ALL)).toBe(true);
  });

  it("tells whether a caller holds every tenant, also when there are none", () => {
    expect(hasEveryTenant({ role: "admin", tenantIds: ["a", "b"] }, ALL)).toBe(false);
    expect(hasEveryTenant({ role: "admin", tenantIds: ALL }, ALL)).toBe(true);
    expect(hasEveryTenant({ role: "admin", tenantIds: [] }, [])).toBe(true);
  });
});
