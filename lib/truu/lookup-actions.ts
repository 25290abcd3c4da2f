"use server";
import { actionOf } from "../operations/derive/action";
import lookUpUserOp from "../operations/truu/look-up-user";

// TruU's live reads, defined once in lib/operations/truu/: these are their page actions.

/** Reads a user and their devices at TruU now, beside the cache's view (a read: anyone who can see the page). */
export const lookUpTruuUser = actionOf<
  { tenantId: string; guid: string },
  {
    cached: { upn: string | null; devices: number; syncedAt: string | null } | null;
    live: {
      gone: boolean;
      upn: string | null;
      displayName: string | null;
      lastSynced: string | null;
      devices: { deviceId: string; deviceName: string | null; active: boolean; assuranceLevel: number }[];
    } | null;
  }
>(lookUpUserOp);
