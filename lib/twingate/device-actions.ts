"use server";
import type { AuditAction } from "../audit/event-types";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { deviceTarget } from "../sync/twingate/targets";
import { UndoOf } from "../undo/undo-of";
import type { TwingateClient } from "../vendors/twingate/client";
import type { Device } from "../vendors/twingate/schemas";
import { cacheWrite } from "./cache";
import { cachedDevice } from "./lookup";
import { twingateFor, vendor } from "./vendor";

const Input = z.object({ tenantId: z.string().trim().min(1), deviceId: z.string().trim().min(1).max(200), undoOf: UndoOf });

/**
 * One audited action per device verb (the audit name says what was done):
 * each is a user-level change for operators, and each has its opposite as
 * its undo (lib/twingate/inverses.ts).
 */
function deviceAction(name: AuditAction, call: (c: TwingateClient, id: string) => Promise<Device>) {
  return action(
    {
      name, perm: "twingate.write", mode: "external", input: Input, tenant: (i) => i.tenantId,
      describe: (i) => ({ vendor: "twingate", targets: [{ type: "twingate_device", id: i.deviceId }] }),
    },
    async ({ tenantId, deviceId }, ctx) => {
      const before = await cachedDevice(db(), tenantId, deviceId);
      ctx.audit.targets = [{ type: "twingate_device", id: deviceId, label: before.name ?? before.hostname ?? before.serialNumber ?? deviceId }];
      ctx.audit.before = { activeState: before.activeState, isTrusted: before.isTrusted };
      const client = await twingateFor(db(), tenantId);
      const device = await vendor(() => call(client, deviceId));
      await cacheWrite(db(), tenantId, deviceTarget, device);
      ctx.audit.after = { activeState: device.activeState, isTrusted: device.isTrusted };
      return { name: device.name, activeState: device.activeState, isTrusted: device.isTrusted };
    },
  );
}

export const blockTwingateDevice = deviceAction("twingate.device.blocked", (c, id) => c.deviceBlock(id));
export const unblockTwingateDevice = deviceAction("twingate.device.unblocked", (c, id) => c.deviceUnblock(id));
/** Twingate un-archives a device by itself the next time it connects. */
export const archiveTwingateDevice = deviceAction("twingate.device.archived", (c, id) => c.deviceArchive(id));
export const unarchiveTwingateDevice = deviceAction("twingate.device.unarchived", (c, id) => c.deviceUnarchive(id));
export const trustTwingateDevice = deviceAction("twingate.device.trusted", (c, id) => c.deviceUpdate(id, true));
export const untrustTwingateDevice = deviceAction("twingate.device.untrusted", (c, id) => c.deviceUpdate(id, false));
