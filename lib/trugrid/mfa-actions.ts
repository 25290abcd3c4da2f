"use server";
import { actionOf } from "../operations/derive/action";
import resetMfaOp from "../operations/trugrid/reset-mfa";
import turnOffMfaOp from "../operations/trugrid/turn-off-mfa";
import turnOnMfaOp from "../operations/trugrid/turn-on-mfa";

// User-level changes, defined in lib/operations/trugrid/: operators may make them (trugrid.user.write).

type Users = { tenantId: string; upns: string[]; undoOf?: string };

export const turnOnMfa = actionOf<Users>(turnOnMfaOp);

/** TruGrid refuses this per item for users with its Admin role; that refusal is shown as TruGrid words it. */
export const turnOffMfa = actionOf<Users>(turnOffMfaOp);

/** Not reversible: the user enrols again at next sign-in (and re-enters a phone when resetPhone). */
export const resetMfa = actionOf<Users & { resetPhone: boolean }>(resetMfaOp);
