"use server";
import type { AuditAction } from "../audit/event-types";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import type { Permission } from "../auth/permissions";
import { db } from "../db";
import type { JumpCloudClient, MdmDeviceAction } from "../vendors/jumpcloud/client";
import { allPages } from "../vendors/jumpcloud/paging";
import { actionOf } from "../operations/derive/action";
import erase from "../operations/jumpcloud/erase-system";
import lock from "../operations/jumpcloud/lock-system";
import restart from "../operations/jumpcloud/restart-system";
import shutDown from "../operations/jumpcloud/shut-down-system";
import { systemTarget } from "./targets";
import { jumpcloudFor, withVendor } from "./vendor";

// Commands sent to a system. Lock and restart interrupt one person and are
// operator work; shutdown (nobody can turn it back on remotely) and erase
// (wipes the disk) are admin work, and erase must be confirmed by typing the
// system's name, here as well as in the dialog. The agent's commands are
// operations (lib/operations/jumpcloud/*-system.ts).

const Id = z.string().trim().regex(/^[a-f0-9]{24}$/i, "A JumpCloud object ID");
const SystemRef = z.object({ tenantId: z.string().min(1), systemId: Id });

async function cachedSystem(tenantId: string, systemId: string) {
  const s = await db().jumpcloudSystem.findUnique({ where: { tenantId_vendorId: { tenantId, vendorId: systemId } } });
  if (!s || s.deletedAt) throw new ActionError("Not found.");
  return s;
}

/** The name an operator must type to confirm an erase. */
const nameOf = (s: { displayName: string | null; hostname: string | null; vendorId: string }) => s.displayName || s.hostname || s.vendorId;

type SystemIn = { tenantId: string; systemId: string; undoOf?: string };
type Named = { name: string };

export const lockSystem = actionOf<SystemIn, Named>(lock);
export const restartSystem = actionOf<SystemIn, Named>(restart);
export const shutdownSystem = actionOf<SystemIn, Named>(shutDown);
/** The system's name typed in `confirm`; the e2e tests call it by this name. */
export const eraseSystem = actionOf<SystemIn & { confirm: string }, Named>(erase);

/** The Apple MDM device enrolled for this system, found by its serial number. */
async function mdmDevice(client: JumpCloudClient, serial: string) {
  for (const mdm of await client.listAppleMdms()) {
    const devices = await allPages((skip, limit) => client.listAppleMdmDevices(mdm.id, { skip, limit }), { pageSize: 100, concurrency: 2 });
    const d = devices.find((x) => x.serialNumber && x.serialNumber.toLowerCase() === serial.toLowerCase());
    if (d) return { mdmId: mdm.id, deviceId: d.id };
  }
  return null;
}

const MDM_ACTION_NAMES: Record<MdmDeviceAction, AuditAction> = {
  lock: "jumpcloud.mdm_device.locked", restart: "jumpcloud.mdm_device.restarted", shutdown: "jumpcloud.mdm_device.shut_down", erase: "jumpcloud.mdm_device.erased",
  clearActivationLock: "jumpcloud.mdm_device.activation_lock_cleared",
  refreshActivationLockInformation: "jumpcloud.mdm_device.activation_lock_refreshed",
  osUpdateStatus: "jumpcloud.mdm_device.os_update_status_requested",
};

function mdm(command: MdmDeviceAction, perm: Permission) {
  const pinned = command === "lock" || command === "erase";
  const base = SystemRef.extend({ pin: z.string().trim().regex(/^\d{6}$/, "Six digits").optional().or(z.literal("").transform(() => undefined)) });
  const input = command === "erase" ? base.extend({ confirm: z.string().trim().min(1, "Type the system's name to confirm") }) : base;
  return action(
    {
      name: MDM_ACTION_NAMES[command], perm, mode: "external", input, tenant: (i) => i.tenantId,
      describe: (i) => ({ vendor: "jumpcloud", targets: [systemTarget(i.systemId)] }),
    },
    async (i, ctx) => {
      const s = await cachedSystem(i.tenantId, i.systemId);
      ctx.audit.targets = [systemTarget(i.systemId, nameOf(s))];
      if (command === "erase" && (i as { confirm?: string }).confirm !== nameOf(s)) throw new ActionError(`To erase, type the system's name exactly: ${nameOf(s)}`);
      if (!s.serialNumber) throw new ActionError("This system has no serial number in JumpCloud, so its Apple MDM device cannot be found.");
      const client = await jumpcloudFor(i.tenantId);
      const found = await withVendor(() => mdmDevice(client, s.serialNumber!));
      if (!found) throw new ActionError(`No Apple MDM device with serial number ${s.serialNumber} is enrolled in this organisation.`);
      await withVendor(() => client.mdmDeviceAction(found.mdmId, found.deviceId, command, pinned && i.pin ? { pin: i.pin } : {}));
      ctx.audit.targets.push({ type: "jumpcloud_mdm_device", id: found.deviceId, label: s.serialNumber });
      // The PIN unlocks the device: it is never written to the audit log.
      ctx.audit.after = { command, via: "apple_mdm", pinSet: pinned ? Boolean(i.pin) : undefined };
      return { name: nameOf(s) };
    },
  );
}

export const mdmLock = mdm("lock", "jumpcloud.write");
export const mdmRestart = mdm("restart", "jumpcloud.write");
export const mdmRefreshActivationLock = mdm("refreshActivationLockInformation", "jumpcloud.write");
export const mdmOsUpdateStatus = mdm("osUpdateStatus", "jumpcloud.write");
export const mdmShutdown = mdm("shutdown", "jumpcloud.destructive");
export const mdmErase = mdm("erase", "jumpcloud.destructive");
export const mdmClearActivationLock = mdm("clearActivationLock", "jumpcloud.destructive");
