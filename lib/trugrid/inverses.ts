import "server-only";
import type { Result } from "../actions/result";
import type { Inverse, InverseMap, UndoableEvent } from "../undo/inverse";
import { setMachineAssociations } from "./association-actions";
import { restoreInput } from "./undo-plans";

type Run = (input: never) => Promise<Result<unknown>>;

function inverse(label: string, run: Run, input: (e: UndoableEvent) => Record<string, unknown> | null): Inverse {
  return { label, plan: (e) => { const i = input(e); return i ? { run, input: i } : null; } };
}

/**
 * TruGrid's undoable actions not yet in the operation catalogue (the
 * per-user MFA and UDP changes declare their inverses in lib/operations/trugrid/). Domain-wide UDP, resets, clears and AD
 * actions have none: TruGrid cannot say what was there before.
 */
export const TRUGRID_INVERSES: InverseMap = {
  "trugrid.machine_association.set": inverse("Restore the previous machines", setMachineAssociations as Run, restoreInput),
};
