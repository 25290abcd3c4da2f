import { describe, expect, it } from "vitest";
import { ROLES } from "../auth/permissions";
import { describePolicy, secondFactorRequired, stepAfterPassword } from "./policy";

describe("second factor requirement", () => {
  it("requires nobody by default", () => {
    for (const role of ROLES) expect(secondFactorRequired({ scope: "none", roles: [] }, role)).toBe(false);
  });

  it("ignores a stale role list when the scope is none", () => {
    expect(secondFactorRequired({ scope: "none", roles: ["admin"] }, "admin")).toBe(false);
  });

  it("requires every role with scope all", () => {
    for (const role of ROLES) expect(secondFactorRequired({ scope: "all", roles: [] }, role)).toBe(true);
  });

  it("requires exactly the listed roles with scope roles", () => {
    const policy = { scope: "roles" as const, roles: ["operator" as const, "admin" as const] };
    expect(ROLES.map((r) => [r, secondFactorRequired(policy, r)])).toEqual([
      ["viewer", false],
      ["operator", true],
      ["admin", true],
    ]);
    expect(ROLES.map((r) => secondFactorRequired({ scope: "roles", roles: [] }, r))).toEqual([false, false, false]);
  });

  it("asks for a factor that exists, enrolment when one is required and missing, else nothing", () => {
    expect(stepAfterPassword(true, false)).toBe("second_factor");
    expect(stepAfterPassword(true, true)).toBe("second_factor");
    expect(stepAfterPassword(false, true)).toBe("enrol");
    expect(stepAfterPassword(false, false)).toBe("none");
  });

  it("says the policy in words", () => {
    expect(describePolicy({ scope: "roles", roles: ["admin"] })).toMatch(/role admin must/);
    expect(describePolicy({ scope: "roles", roles: [] })).toMatch(/optional/);
  });
});
