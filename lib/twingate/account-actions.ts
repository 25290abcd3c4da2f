"use server";
import { actionOf } from "../operations/derive/action";
import createServiceAccount from "../operations/twingate/create-service-account";
import createServiceKey from "../operations/twingate/create-service-key";
import deleteServiceAccount from "../operations/twingate/delete-service-account";
import deleteServiceKey from "../operations/twingate/delete-service-key";
import renameServiceAccount from "../operations/twingate/rename-service-account";
import renameServiceKey from "../operations/twingate/rename-service-key";
import revokeServiceKey from "../operations/twingate/revoke-service-key";

// Service accounts and their keys open the network to machines: admins.
// Every surface is derived from lib/operations/twingate/.

type In = { tenantId: string; undoOf?: string };
type AccountIn = In & { serviceAccountId: string };
type KeyIn = In & { keyId: string };

export const createTwingateServiceAccount = actionOf<In & { name: string }, { id: string; name: string }>(
  createServiceAccount,
);

export const renameTwingateServiceAccount = actionOf<AccountIn & { name: string }, { name: string }>(
  renameServiceAccount,
);

export const deleteTwingateServiceAccount = actionOf<AccountIn, { name: string }>(deleteServiceAccount);

/** The token is in the answer once and never stored: the browser shows it once, the audit event never holds it. */
export const createTwingateServiceKey = actionOf<
  AccountIn & { name?: string; expirationDays?: number | string },
  { id: string; name: string; expiresAt: string | null; token: string }
>(createServiceKey);

export const renameTwingateServiceKey = actionOf<KeyIn & { name: string }, { name: string }>(renameServiceKey);

export const revokeTwingateServiceKey = actionOf<KeyIn, { name: string; status: string }>(revokeServiceKey);

/** Twingate deletes only revoked or expired keys; it says so itself otherwise. */
export const deleteTwingateServiceKey = actionOf<KeyIn, { name: string }>(deleteServiceKey);
