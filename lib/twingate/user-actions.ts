"use server";
import { actionOf } from "../operations/derive/action";
import createUser from "../operations/twingate/create-user";
import deleteUser from "../operations/twingate/delete-user";
import renameUser from "../operations/twingate/rename-user";
import setUserRole from "../operations/twingate/set-user-role";
import setUserState from "../operations/twingate/set-user-state";
import type { TwingateRole } from "./constants";

type UserIn = { tenantId: string; userId: string; undoOf?: string };

/** Suspend (DISABLED) or restore (ACTIVE) a user: a user-level change (lib/operations/twingate/set-user-state.ts). */
export const setTwingateUserState = actionOf<
  UserIn & { state: "ACTIVE" | "DISABLED" },
  { email: string; state: string }
>(setUserState);

/** A role reaches the whole network (ADMIN runs it), so changing one is for admins (set-user-role.ts). */
export const setTwingateUserRole = actionOf<UserIn & { role: TwingateRole }, { email: string; role: string }>(
  setUserRole,
);

/** First and last name; an identity provider's sync puts its own names back (rename-user.ts). */
export const renameTwingateUser = actionOf<
  UserIn & { firstName: string; lastName: string },
  { email: string | null; name: string }
>(renameUser);

type NewUser = {
  tenantId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  role?: TwingateRole;
  invite?: boolean | "on" | "true" | "false";
};

/** Operators add members; any other role is an admin's call (lib/operations/twingate/create-user.ts). */
export const createTwingateUser = actionOf<NewUser, { id: string; email: string; state: string; invited: boolean }>(
  createUser,
);

/** Users synced from an identity provider are refused: they are removed there (delete-user.ts). */
export const deleteTwingateUser = actionOf<{ tenantId: string; userId: string }, { email: string; devices: number }>(
  deleteUser,
);
