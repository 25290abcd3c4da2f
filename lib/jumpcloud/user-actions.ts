"use server";
import { actionOf } from "../operations/derive/action";
import activateUserOp from "../operations/jumpcloud/activate-user";
import deleteUserOp from "../operations/jumpcloud/delete-user";
import expirePasswordOp from "../operations/jumpcloud/expire-password";
import reactivateUserOp from "../operations/jumpcloud/reactivate-user";
import resetMfaOp from "../operations/jumpcloud/reset-mfa";
import setPasswordOp from "../operations/jumpcloud/set-password";
import suspendUserOp from "../operations/jumpcloud/suspend-user";
import unlockUserOp from "../operations/jumpcloud/unlock-user";
import updateUserOp from "../operations/jumpcloud/update-user";

// One JumpCloud user at a time, each call audited with the user's state
// before and after. Pages offer these on the user's detail page; each is
// defined once in lib/operations/jumpcloud/.

type User = { tenantId: string; userId: string; undoOf?: string };
type Answered = { state: string | null; email: string | null };
/** A form's checkbox posts "on"; a caller may say true or false in words. */
type Flag = boolean | "on" | "true" | "false";

export const suspendUser = actionOf<User, Answered>(suspendUserOp);

/** Suspended → active. A STAGED user is activated with activateStagedUser instead (JumpCloud refuses this for them). */
export const reactivateUser = actionOf<User, Answered>(reactivateUserOp);

export const unlockUser = actionOf<User, Answered>(unlockUserOp);

export const expirePassword = actionOf<User, Answered>(expirePasswordOp);

/** The password goes to JumpCloud only; `mustChange` (default) expires it at once so the user picks their own. */
export const setTemporaryPassword = actionOf<User & { password: string; mustChange?: Flag }, Answered>(setPasswordOp);

export const activateStagedUser = actionOf<User & { sendEmail?: Flag }, Answered>(activateUserOp);

/** exclusionDays: days the user may still sign in without TOTP while enrolling again (default 7; 0 = none). */
export const resetMfa = actionOf<
  User & { exclusionDays?: number | string },
  Answered & { exclusionUntil: string | null }
>(resetMfaOp);

type Details = {
  email: string;
  username: string;
  firstname: string;
  lastname: string;
  displayname: string;
  department: string;
  jobTitle: string;
};

/** Only what differs from the cache is sent; "Nothing changed." otherwise. */
export const updateUserDetails = actionOf<User & Partial<Details>, { changed: string[] }>(updateUserOp);

export const deleteUser = actionOf<User & { clearManagerOnReports?: Flag }, { deleted: true }>(deleteUserOp);
