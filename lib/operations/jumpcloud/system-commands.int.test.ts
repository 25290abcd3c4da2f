import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../../sim/jumpcloud";
import { type BulkHarness, jumpcloudBulkHarness } from "../../../test/bulk-harness";
import { actAs } from "../../../test/session-as";
import { loadStaff } from "../../auth/staff";
import { eraseSystem, lockSystem } from "../../jumpcloud/system-actions";

// The system page's commands through their server actions, against the
// JumpCloud simulator over HTTP: what reaches JumpCloud, what the audit log
// records (the e2e tests and the undo read these shapes), and the refusals.

vi.mock("../../auth/session", () => import("../../../test/session-as"));
vi.mock("next/headers", () => ({ cookies: async () => new Map(), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("../../auth/auth", () => ({
  signIn: async () => undefined,
  signOut: async () => undefined,
  authSecret: () => "unused",
  SESSION_ABSOLUTE_HOURS: 24,
}));

let jc: BulkHarness<ReturnType<typeof createJumpCloudSim>>;
const org = () => jc.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
const sent = (target: string) => (org()?.commands ?? []).filter((c) => c.target === target).map((c) => c.command);
const lastEvent = (action: string) =>
  jc.h.t.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });
const cachedSystem = (os: string) =>
  jc.h.t.db.jumpcloudSystem.findFirstOrThrow({
    where: { tenantId: jc.h.tenantId, deletedAt: null, os, serialNumber: { not: null } },
    orderBy: { displayName: "asc" },
  });
const nameOf = (s: { displayName: string | null; hostname: string | null }) => s.displayName || s.hostname;

beforeAll(async () => {
  jc = await jumpcloudBulkHarness("admin");
  process.env.DATABASE_URL = jc.h.t.url;
  const staff = await loadStaff(jc.h.t.db, jc.staffId);
  if (!staff) throw new Error("no staff");
  actAs(staff);
}, 300_000);

afterAll(async () => {
  await jc?.close();
});

describe("the agent's commands", () => {
  it("lock reaches the system and is audited with its cached name and the command", async () => {
    const s = await cachedSystem("Windows");
    const res = await lockSystem({ tenantId: jc.h.tenantId, systemId: s.vendorId });
    expect(res).toMatchObject({ ok: true, data: { name: nameOf(s) } });
    expect(sent(`system:${s.vendorId}`)).toEqual(["lock"]);
    const event = await lastEvent("jumpcloud.system.locked");
    expect(event).toMatchObject({
      outcome: "success",
      vendor: "jumpcloud",
      targets: [{ type: "jumpcloud_system", id: s.vendorId, label: nameOf(s) }],
      after: { command: "lock", via: "builtin" },
    });
    expect(event.before).toBeNull();
  });

  it("erase is refused unless the system's name is typed exactly, and a system the cache lacks is not found", async () => {
    const s = await cachedSystem("Windows");
    const wrong = await eraseSystem({ tenantId: jc.h.tenantId, systemId: s.vendorId, confirm: "something else" });
    expect(wrong).toEqual({ ok: false, error: `To erase, type the system's name exactly: ${nameOf(s)}` });
    const unknown = await lockSystem({ tenantId: jc.h.tenantId, systemId: "0123456789abcdef01234567" });
    expect(unknown).toEqual({ ok: false, error: "Not found." });
    expect(sent(`system:${s.vendorId}`)).not.toContain("erase");
    const ok = await eraseSystem({ tenantId: jc.h.tenantId, systemId: s.vendorId, confirm: ` ${nameOf(s)} ` });
    expect(ok).toMatchObject({ ok: true });
    expect(sent(`system:${s.vendorId}`)).toContain("erase");
  });
});
