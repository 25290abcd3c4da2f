import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../../sim/jumpcloud";
import { type BulkHarness, jumpcloudBulkHarness } from "../../../test/bulk-harness";
import { signedIn } from "../../../test/signed-in";
import { eraseSystem, lockSystem, mdmErase, mdmLock, mdmRestart } from "../../jumpcloud/system-actions";

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
  jc = await signedIn(jumpcloudBulkHarness("admin"));
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
    // Before: the system as the last sync saw it.
    expect(event.before).toEqual({
      name: nameOf(s),
      os: [s.os, s.osVersion].filter(Boolean).join(" ") || null,
      active: s.active,
      lastContact: s.lastContact?.toISOString() ?? null,
    });
  });

  it("erase is refused unless the system's name is typed exactly; a system the cache lacks is not found", async () => {
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

describe("Apple MDM's commands", () => {
  const mdmDevice = (serial: string | null) =>
    [...(org()?.mdms.values() ?? [])].flatMap((m) => [...m.devices.values()]).find((d) => d.serialNumber === serial);

  it("lock without a PIN is refused in JumpCloud's words; with one it reaches the device, PIN unrecorded", async () => {
    const mac = await cachedSystem("Mac OS X");
    const device = mdmDevice(mac.serialNumber);
    if (!device) throw new Error("no MDM device for the Mac");
    const refused = await mdmLock({ tenantId: jc.h.tenantId, systemId: mac.vendorId });
    expect(refused).toEqual({
      ok: false,
      error: "JumpCloud answered: a 6-digit PIN is required to lock a macOS device (HTTP 400)",
    });
    expect((await lastEvent("jumpcloud.mdm_device.locked")).targets).toEqual([
      { type: "jumpcloud_system", id: mac.vendorId, label: nameOf(mac) },
    ]);
    const res = await mdmLock({ tenantId: jc.h.tenantId, systemId: mac.vendorId, pin: "123456" });
    expect(res).toMatchObject({ ok: true, data: { name: nameOf(mac) } });
    expect(sent(`mdmdevice:${device.id}`)).toEqual(["lock"]);
    const event = await lastEvent("jumpcloud.mdm_device.locked");
    expect(event).toMatchObject({
      outcome: "success",
      // The device JumpCloud found by the serial number follows the system.
      targets: [
        { type: "jumpcloud_system", id: mac.vendorId, label: nameOf(mac) },
        { type: "jumpcloud_mdm_device", id: device.id, label: mac.serialNumber },
      ],
      after: { command: "lock", via: "apple_mdm", pinSet: true },
    });
    expect(JSON.stringify([event.targets, event.before, event.after])).not.toContain("123456");
  });

  it("a system without a serial number, or none enrolled, is refused; erase needs the name typed", async () => {
    const win = await cachedSystem("Windows");
    const none = await mdmRestart({ tenantId: jc.h.tenantId, systemId: win.vendorId });
    expect(none).toEqual({
      ok: false,
      error: `No Apple MDM device with serial number ${win.serialNumber} is enrolled in this organisation.`,
    });
    await jc.h.t.db.jumpcloudSystem.update({ where: { id: win.id }, data: { serialNumber: null } });
    const noSerial = await mdmRestart({ tenantId: jc.h.tenantId, systemId: win.vendorId });
    expect(noSerial).toEqual({
      ok: false,
      error: "This system has no serial number in JumpCloud, so its Apple MDM device cannot be found.",
    });
    const mac = await cachedSystem("Mac OS X");
    const wrong = await mdmErase({ tenantId: jc.h.tenantId, systemId: mac.vendorId, pin: "123456", confirm: "x" });
    expect(wrong).toEqual({ ok: false, error: `To erase, type the system's name exactly: ${nameOf(mac)}` });
    expect(sent(`mdmdevice:${mdmDevice(mac.serialNumber)?.id}`)).not.toContain("erase");
  });
});
