import type { Staff } from "../lib/auth/staff";

// Stands in for lib/auth/session in integration tests that call real server
// actions: `vi.mock("../auth/session", () => import("<path>/test/session-as"))`,
// then actAs(staff) before each call, as a signed-in browser would be.

let actor: Staff | null = null;

export function actAs(staff: Staff | null): void {
  actor = staff;
}

/** The client every call comes from; a test may move it (refusals without a session are counted per address). */
export const TEST_CLIENT = { ip: "198.51.100.50", userAgent: "vitest" };

export const currentStaff = async () => actor;
export const requestMeta = async () => ({ ...TEST_CLIENT });
export const requireStaff = async () => actor;
