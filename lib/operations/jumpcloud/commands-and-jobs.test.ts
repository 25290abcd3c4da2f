import { describe, expect, it } from "vitest";
import { actionInputOf, actionSchema, itemsOf } from "../items";
import cancelScheduledStates from "./cancel-scheduled-states";
import mdmLock from "./mdm-lock";
import mdmRestart from "./mdm-restart";
import scheduleUserStates from "./schedule-user-states";

const A = "5f0c1a2b0000000000000001";
const B = "5f0c1a2b0000000000000002";
const SYSTEM = "5f0c1a2b00000000000000aa";
const event = (after: unknown) => ({
  id: "e1",
  action: "jumpcloud.bulk.states_scheduled",
  tenantId: "t1",
  vendor: "jumpcloud" as const,
  targets: [],
  before: null,
  after,
});

describe("a scheduled state change's undo", () => {
  it("cancels the changes JumpCloud scheduled, as the bulk page has always recorded them", () => {
    const recorded = { kind: "states", state: "SUSPENDED", startDate: "2031-01-15T09:30:00.000Z", count: 2 };
    const items = scheduleUserStates.inverse?.items(event({ ...recorded, scheduledJobIds: [A, B] }));
    expect(items).toEqual([{ scheduledJobId: A }, { scheduledJobId: B }]);
    // The cancel's action takes them as the list the old undo sent.
    const input = actionInputOf(cancelScheduledStates, "t1", items ?? []);
    expect(input).toEqual({ tenantId: "t1", scheduledJobIds: [A, B] });
    expect(itemsOf(cancelScheduledStates, actionSchema(cancelScheduledStates).parse(input))).toEqual(items);
    expect(scheduleUserStates.inverse?.items(event({ ...recorded, scheduledJobIds: [] }))).toBeNull();
    expect(scheduleUserStates.inverse?.items(event(null))).toBeNull();
  });
});

describe("Apple MDM's audit", () => {
  const done = (item: Record<string, unknown>) => [
    {
      item: { systemId: SYSTEM, ...item },
      state: { name: "mac-01", serialNumber: "C02XYZ" },
      outcome: { ok: true, message: "", answer: { mdmId: "m", deviceId: "d" } },
    },
  ];

  it("says whether a PIN was set for lock and erase, never the PIN, and names the device found", () => {
    expect(mdmLock.audit.after(done({ pin: "123456" }) as never)).toEqual({
      command: "lock",
      via: "apple_mdm",
      pinSet: true,
    });
    expect(mdmRestart.audit.after(done({ pin: "123456" }) as never)).toEqual({
      command: "restart",
      via: "apple_mdm",
      pinSet: undefined,
    });
    const [locked] = done({});
    expect(
      mdmLock.audit.targets(locked?.item as never, locked?.state as never, locked?.outcome.answer as never),
    ).toEqual([
      expect.objectContaining({ type: "jumpcloud_system" }),
      { type: "jumpcloud_mdm_device", id: "d", label: "C02XYZ" },
    ]);
  });
});
