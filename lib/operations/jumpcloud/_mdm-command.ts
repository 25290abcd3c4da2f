import { z } from "zod";
import { ActionError } from "../../actions/result";
import type { JumpCloudClient, MdmDeviceAction } from "../../vendors/jumpcloud/client";
import { allPages } from "../../vendors/jumpcloud/paging";
import type { Before, CacheContext, OperationDef } from "../operation";
import {
  type CommandText,
  cachedSystems,
  confirmed,
  oneSystem,
  type SystemItem,
  SystemItem as SystemItemSchema,
  type SystemState,
  systemBefore,
  systemTargets,
} from "./_system";

// An Apple MDM command (v2 POST /applemdms/{id}/devices/{device_id}/…) sent
// to the MDM device enrolled for a system: JumpCloud's systems and MDM
// devices share only the serial number, so the device is found by it.

type MdmItem = SystemItem & { pin?: string };
/** The MDM server and device the serial number found. */
export type Found = { mdmId: string; deviceId: string };

/** A Mac's lock and erase need a six-digit PIN (the user types it to unlock); every command takes one, as posted. */
const MdmItem = SystemItemSchema.extend({
  pin: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Six digits")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** The Apple MDM device enrolled for this system, found by its serial number. */
export async function mdmDevice(client: JumpCloudClient, serial: string): Promise<Found | null> {
  for (const mdm of await client.listAppleMdms()) {
    const devices = await allPages((skip, limit) => client.listAppleMdmDevices(mdm.id, { skip, limit }), {
      pageSize: 100,
      concurrency: 2,
    });
    const d = devices.find((x) => x.serialNumber && x.serialNumber.toLowerCase() === serial.toLowerCase());
    if (d) return { mdmId: mdm.id, deviceId: d.id };
  }
  return null;
}

/** The cached systems, each with the serial number its Apple MDM device is found by. */
export async function withSerial<I extends SystemItem>(ctx: CacheContext, items: I[], erase: boolean) {
  return (await cachedSystems(ctx, items, { confirmed: erase })).map((b) =>
    "state" in b && !b.state.serialNumber
      ? { refused: "This system has no serial number in JumpCloud, so its Apple MDM device cannot be found." }
      : b,
  ) as Before<SystemState, I>[];
}

/** The system's enrolled device, or the refusal a person reads. */
export async function enrolled(client: JumpCloudClient, state: SystemState): Promise<Found> {
  const serial = state.serialNumber ?? "";
  const found = await mdmDevice(client, serial);
  if (!found)
    throw new ActionError(`No Apple MDM device with serial number ${serial} is enrolled in this organisation.`);
  return found;
}

/** The system, then the Apple MDM device once JumpCloud found it by the serial number. */
export const mdmTargets = (item: SystemItem, state?: SystemState, found?: Found) => [
  ...systemTargets(item, state),
  ...(found ? [{ type: "jumpcloud_mdm_device", id: found.deviceId, label: state?.serialNumber ?? undefined }] : []),
];

/**
 * Audited as the system page records it: the system, then the MDM device
 * JumpCloud found; after, the command and whether a PIN was set. The PIN
 * unlocks the device: it is never written to the audit log.
 */
export function mdmCommand({ command, ...text }: CommandText & { command: MdmDeviceAction }) {
  const erase = command === "erase";
  const pinned = command === "lock" || erase;
  const sent = (i: MdmItem) => ({ command, via: "apple_mdm", pinSet: pinned ? Boolean(i.pin) : undefined });
  const op: OperationDef<MdmItem, SystemState, Found> = {
    ...oneSystem,
    ...text,
    input: erase ? confirmed(MdmItem) : MdmItem,
    before: (ctx, items) => withSerial(ctx, items, erase),
    expect: sent,
    call: async (ctx, [s]) => {
      if (!s) return [];
      const client = ctx.client as JumpCloudClient;
      const found = await enrolled(client, s.state);
      await client.mdmDeviceAction(
        found.mdmId,
        found.deviceId,
        command,
        pinned && s.item.pin ? { pin: s.item.pin } : {},
      );
      return [
        { ok: true, message: `JumpCloud accepted the MDM ${command} command for ${s.state.name}.`, answer: found },
      ];
    },
    audit: {
      // The Apple MDM device is named once JumpCloud found it by the serial number.
      targets: mdmTargets,
      before: ([s]) => s && { ...systemBefore(s.state), serialNumber: s.state.serialNumber },
      after: (done) => {
        const d = done.find((x) => x.outcome.ok);
        return d && sent(d.item);
      },
    },
    done: "Sent",
  };
  return op;
}
