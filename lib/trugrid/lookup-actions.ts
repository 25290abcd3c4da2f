"use server";
import { actionOf } from "../operations/derive/action";
import lookUpLogonIpsOp from "../operations/trugrid/look-up-logon-ips";
import refreshAllowListsOp from "../operations/trugrid/refresh-allow-lists";
import type { UserLogonIp } from "../vendors/trugrid";

// Reads at TruGrid that change nothing there; their answers refresh the
// cache at once. Operators (trugrid.read): they use the stored credentials.
// Defined in lib/operations/trugrid/.

/** Last logon IPs of some users, or of the whole domain when no UPN is given. */
export const lookUpLogonIps = actionOf<{ tenantId: string; upns: string[] }, { users: UserLogonIp[]; message: string }>(
  lookUpLogonIpsOp,
);

/** Re-reads the IP allow-list and the external DNS names into the cache. */
export const refreshAllowLists = actionOf<{ tenantId: string }, { message: string }>(refreshAllowListsOp);
