"use server";
import { actionOf } from "../operations/derive/action";
import clearMachineAssociationsOp from "../operations/trugrid/clear-machine-associations";
import reloadAssociationsOp from "../operations/trugrid/reload-associations";
import setMachineAssociationsOp from "../operations/trugrid/set-machine-associations";

/**
 * Sets or replaces user–machine associations in machine groups (operators);
 * defined in lib/operations/trugrid/set-machine-associations.ts.
 */
export const setMachineAssociations = actionOf<{
  tenantId: string;
  items: { userUpn: string; groupName: string; machineName: string }[];
  undoOf?: string;
}>(setMachineAssociationsOp);

/**
 * Clears machine associations of chosen groups, or of the whole domain when
 * no group is given (then the domain name must be typed, and is checked).
 * Domain-level: admins only; defined in lib/operations/trugrid/clear-machine-associations.ts.
 */
export const clearMachineAssociations = actionOf<{ tenantId: string; groups: string[]; confirm?: string }>(
  clearMachineAssociationsOp,
);

/**
 * Re-reads one group's or one user's associations from TruGrid into the
 * cache, so the editor shows what TruGrid holds now. A read: operators;
 * defined in lib/operations/trugrid/reload-associations.ts.
 */
export const reloadAssociations = actionOf<
  { tenantId: string; groupName?: string; userUpn?: string },
  { message: string }
>(reloadAssociationsOp);
