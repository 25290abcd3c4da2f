"use server";
import { actionOf } from "../operations/derive/action";
import erase from "../operations/jumpcloud/erase-system";
import lock from "../operations/jumpcloud/lock-system";
import clearActivationLock from "../operations/jumpcloud/mdm-clear-activation-lock";
import mdmEraseOp from "../operations/jumpcloud/mdm-erase";
import mdmLockOp from "../operations/jumpcloud/mdm-lock";
import osUpdateStatus from "../operations/jumpcloud/mdm-os-update-status";
import refreshActivationLock from "../operations/jumpcloud/mdm-refresh-activation-lock";
import refreshDepDevices from "../operations/jumpcloud/mdm-refresh-dep-devices";
import mdmRestartOp from "../operations/jumpcloud/mdm-restart";
import scheduleOsUpdate from "../operations/jumpcloud/mdm-schedule-os-update";
import mdmShutDownOp from "../operations/jumpcloud/mdm-shut-down";
import restart from "../operations/jumpcloud/restart-system";
import shutDown from "../operations/jumpcloud/shut-down-system";

// Commands sent to a system. Lock and restart interrupt one person and are
// operator work; shutdown (nobody can turn it back on remotely) and erase
// (wipes the disk) are admin work, and erase must be confirmed by typing the
// system's name, here as well as in the dialog. Each command is an operation
// (lib/operations/jumpcloud/: the agent's *-system.ts, Apple MDM's mdm-*.ts).

type SystemIn = { tenantId: string; systemId: string; undoOf?: string };
/** A Mac's lock and erase take a six-digit PIN; it never enters the audit log. */
type MdmIn = SystemIn & { pin?: string };
type Named = { name: string };

export const lockSystem = actionOf<SystemIn, Named>(lock);
export const restartSystem = actionOf<SystemIn, Named>(restart);
export const shutdownSystem = actionOf<SystemIn, Named>(shutDown);
/** The system's name typed in `confirm`; the e2e tests call it by this name. */
export const eraseSystem = actionOf<SystemIn & { confirm: string }, Named>(erase);

export const mdmLock = actionOf<MdmIn, Named>(mdmLockOp);
export const mdmRestart = actionOf<MdmIn, Named>(mdmRestartOp);
export const mdmRefreshActivationLock = actionOf<MdmIn, Named>(refreshActivationLock);
export const mdmOsUpdateStatus = actionOf<MdmIn, Named>(osUpdateStatus);
export const mdmScheduleOsUpdate = actionOf<
  SystemIn & { productKey: string; installAction: string; maxUserDeferrals?: string | number },
  Named
>(scheduleOsUpdate);
/** Organisation-wide: every Apple MDM server reads Apple Business Manager again. */
export const mdmRefreshDepDevices = actionOf<{ tenantId: string }, { message: string }>(refreshDepDevices);
export const mdmShutdown = actionOf<MdmIn, Named>(mdmShutDownOp);
export const mdmErase = actionOf<MdmIn & { confirm: string }, Named>(mdmEraseOp);
export const mdmClearActivationLock = actionOf<MdmIn, Named>(clearActivationLock);
