import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TwingateSim } from "../../../sim/twingate";
import { actInHarness, type BulkHarness, twingateBulkHarness } from "../../../test/bulk-harness";
import { blockTwingateDevice, unblockTwingateDevice } from "../../twingate/device-actions";

// The devices page's verbs through their server actions, against the
// Twingate simulator over HTTP: what is recorded, and what happens when
// Twingate's answer does not show the change (A.4 #8 of the catalogue plan).

vi.mock("../../auth/session", () => import("../../../test/session-as"));
vi.mock("next/headers", () => ({ cookies: async () => new Map(), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("../../auth/auth", () => ({
  signIn: async () => undefined,
  signOut: async () => undefined,
  authSecret: () => "unused",
  SESSION_ABSOLUTE_HOURS: 24,
}));

let tg: BulkHarness<TwingateSim>;
const devices = () => [...tg.sim.state.devices.values()];
const lastEvent = (action: string) =>
  tg.h.t.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });

beforeAll(async () => {
  tg = await twingateBulkHarness("operator");
  await actInHarness(tg);
}, 300_000);

afterAll(async () => {
  await tg?.close();
});

describe("Twingate device verbs from the devices page", () => {
  it("block names the device by its cached name, records its state and trust, returns Twingate's answer", async () => {
    const d = devices().find((x) => x.activeState === "ACTIVE" && x.name);
    if (!d) throw new Error("no active device");
    const res = await blockTwingateDevice({ tenantId: tg.h.tenantId, deviceId: d.id });
    expect(res).toMatchObject({ ok: true, data: { name: d.name, activeState: "BLOCKED", isTrusted: d.isTrusted } });
    expect(await lastEvent("twingate.device.blocked")).toMatchObject({
      outcome: "success",
      targets: [{ type: "twingate_device", id: d.id, label: d.name }],
      before: { activeState: "ACTIVE", isTrusted: d.isTrusted },
      after: { activeState: "BLOCKED", isTrusted: d.isTrusted },
    });
    const cached = await tg.h.t.db.twingateDevice.findFirstOrThrow({
      where: { tenantId: tg.h.tenantId, vendorId: d.id },
    });
    expect(cached.activeState).toBe("BLOCKED");
  });

  it("an unblock answered with the device still not active fails, saying what Twingate answered", async () => {
    const d = devices().find((x) => x.activeState === "ACTIVE" && x.name);
    if (!d) throw new Error("no active device");
    // Blocked as of the last sync, then archived at Twingate: Twingate leaves an archived device as it is on unblock.
    d.activeState = "BLOCKED";
    expect((await tg.h.run()).status).toBe("succeeded");
    d.activeState = "ARCHIVED";

    const res = await unblockTwingateDevice({ tenantId: tg.h.tenantId, deviceId: d.id });
    expect(res).toEqual({
      ok: false,
      error: `Twingate refused: ${d.name} is ARCHIVED, ${d.isTrusted ? "trusted" : "not trusted"} after the change.`,
    });
    expect(await lastEvent("twingate.device.unblocked")).toMatchObject({ outcome: "failure" });
    // Nothing is written as if it had worked: the cache keeps what the last sync saw.
    const cached = await tg.h.t.db.twingateDevice.findFirstOrThrow({
      where: { tenantId: tg.h.tenantId, vendorId: d.id },
    });
    expect(cached.activeState).toBe("BLOCKED");
  });
});
