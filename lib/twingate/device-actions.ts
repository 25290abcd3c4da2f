"use server";
import { actionOf } from "../operations/derive/action";
import archiveDevice from "../operations/twingate/archive-device";
import blockDevice from "../operations/twingate/block-device";
import trustDevice from "../operations/twingate/trust-device";
import unarchiveDevice from "../operations/twingate/unarchive-device";
import unblockDevice from "../operations/twingate/unblock-device";
import untrustDevice from "../operations/twingate/untrust-device";

// The devices page's verbs, one audited action each; every surface is derived from lib/operations/twingate/.

type In = { tenantId: string; deviceId: string; undoOf?: string };
type Out = { name: string | null; activeState: string; isTrusted: boolean };

export const blockTwingateDevice = actionOf<In, Out>(blockDevice);
export const unblockTwingateDevice = actionOf<In, Out>(unblockDevice);
/** Twingate un-archives a device by itself the next time it connects. */
export const archiveTwingateDevice = actionOf<In, Out>(archiveDevice);
export const unarchiveTwingateDevice = actionOf<In, Out>(unarchiveDevice);
export const trustTwingateDevice = actionOf<In, Out>(trustDevice);
export const untrustTwingateDevice = actionOf<In, Out>(untrustDevice);
