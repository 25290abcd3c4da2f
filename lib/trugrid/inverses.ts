import "server-only";
import type { Result } from "../actions/result";
import type { Inverse, InverseMap, UndoableEvent } from "../undo/inverse";
import { setMachineAssociations } from "./association-actions";
import { turnOffMfa, turnOnMfa } from "./mfa-actions";
import { disableUdp, enableUdp } from "./udp-actions";
import { flipInput, restoreInput } from "./undo-plans";

type Run = (input: never) => Promise<Result<unknown>>;

function inverse(label: string, run: Run, input: (e: UndoableEvent) => Record<string, unknown> | null): Inverse {
  return { label, plan: (e) => { const i = input(e); return i ? { run, input: i } : null; } };
}

/**
 * TruGrid's undoable actions. Domain-wide UDP, resets, clears and AD
 * actions have none: TruGrid cannot say what was there before.
 */
export const TRUGRID_INVERSES: InverseMap = {
  "trugrid.mfa.turned_on": inverse("Turn MFA back off", turnOffMfa as Run, (e) => flipInput(e, "mfa", "on")),
  "trugrid.mfa.turned_off": inverse("Turn MFA back on", turnOnMfa as Run, (e) => flipInput(e, "mfa", "off")),
  "trugrid.udp.enabled": inverse("Turn UDP back off", disableUdp as Run, (e) => flipInput(e, "udp", "on")),
  "trugrid.udp.disabled": inverse("Turn UDP back on", enableUdp as Run, (e) => flipInput(e, "udp", "off")),
  "trugrid.machine_association.set": inverse("Restore the previous machines", setMachineAssociations as Run, restoreInput),
};
