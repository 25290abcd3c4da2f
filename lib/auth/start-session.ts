import "server-only";
import { authSecret, signIn } from "./auth";
import { clearPendingSignIn } from "./pending-cookie";
import { safeNextPath } from "./safe-redirect";
import { mintSignInGrant } from "./sign-in-grant";
import type { SignedInStaff } from "./verify-sign-in";

/**
 * Creates the Auth.js session once every factor has been checked (and
 * audited) by the caller, then redirects to `next`. The grant goes to
 * Auth.js's credentials provider inside the server; the pending state ends.
 * Auth.js answers with a redirect, thrown as Next's redirect.
 */
export async function startSession(staff: SignedInStaff, method: string, next: string): Promise<void> {
  const grant = await mintSignInGrant(
    { staffId: staff.id, sessionVersion: staff.sessionVersion, method },
    authSecret(),
  );
  await clearPendingSignIn();
  await signIn("credentials", { grant, redirectTo: safeNextPath(next) });
}
