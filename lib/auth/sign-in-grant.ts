import { z } from "zod";
import { openClaims, sealClaims } from "./sealed-token";

// The one thing Auth.js's credentials provider accepts besides a password
// that needs no second factor: proof, minted by the console's own sign-in
// steps after every factor has been checked, that this staff user may have a
// session now. It lives a minute and never reaches the browser (it travels
// from the server action to Auth.js inside the server).
const PURPOSE = "console.sign-in-grant";
const LIFETIME_S = 60;

const Grant = z.object({ staffId: z.string().min(1), sessionVersion: z.number().int(), method: z.string().min(1) });
export type SignInGrant = z.infer<typeof Grant>;

export function mintSignInGrant(grant: SignInGrant, secret: string): Promise<string> {
  return sealClaims(PURPOSE, grant, secret, LIFETIME_S);
}

export async function readSignInGrant(token: unknown, secret: string): Promise<SignInGrant | null> {
  if (typeof token !== "string") return null;
  const parsed = Grant.safeParse(await openClaims(PURPOSE, token, secret));
  return parsed.success ? parsed.data : null;
}
