import { describe, expect, it } from "vitest";
import { buildState } from "./state";

describe("JumpCloud simulator state", () => {
  it("seeds the same company deterministically", () => {
    const a = [...buildState("small").orgs.values()][0];
    const b = [...buildState("small").orgs.values()][0];
    expect([...a!.users.values()].map((u) => [u._id, u.email, u.state])).toEqual(
      [...b!.users.values()].map((u) => [u._id, u.email, u.state]),
    );
    const states = new Set([...a!.users.values()].map((u) => u.state));
    expect(states.has("ACTIVATED")).toBe(true);
    expect(a!.userGroups.size).toBeGreaterThan(0);
    expect(a!.systemGroups.size).toBeGreaterThan(0);
  });

  it("builds 50,000 users and 100,000 systems for size large", () => {
    const org = [...buildState("large").orgs.values()][0];
    expect(org!.users.size).toBe(50_000);
    expect(org!.systems.size).toBe(100_000);
  }, 20_000);
});
