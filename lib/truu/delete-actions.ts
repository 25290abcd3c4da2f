"use server";
import { actionOf } from "../operations/derive/action";
import deleteDeviceOp from "../operations/truu/delete-device";
import deleteUserOp from "../operations/truu/delete-user";

// TruU's deletes, defined once in lib/operations/truu/: these are their page actions.

/** Deletes one enrolled device at TruU and marks it deleted in the cache; no undo. */
export const deleteTruuDevice = actionOf<
  { tenantId: string; deviceId: string },
  { deviceId: string; deviceName: string | null }
>(deleteDeviceOp);

/**
 * Deletes a user and every device of theirs at TruU. The caller passes the
 * devices its confirmation listed: if the cache now holds others, nothing is
 * sent, so nobody deletes more than they were shown.
 */
export const deleteTruuUser = actionOf<
  { tenantId: string; guid: string; deviceIds: string[] },
  { guid: string; upn: string; devices: number }
>(deleteUserOp);
