import "server-only";
import { cookies, headers } from "next/headers";
import { authSecret } from "./auth";
import { openPending, PENDING_LIFETIME_S, type PendingSignIn, pendingCookieName, sealPending } from "./pending-sign-in";
import { usesSecureCookies } from "./session-token";

// Only the sign-in pages under /login need the state, so the cookie goes
// nowhere else; SameSite=Strict, since nothing legitimate starts there from
// another site.
const PATH = "/login";

async function cookieName() {
  return pendingCookieName(usesSecureCookies((await headers()).get("x-forwarded-proto")));
}

export async function readPendingSignIn(): Promise<PendingSignIn | null> {
  const jar = await cookies();
  return openPending(jar.get(await cookieName())?.value, authSecret());
}

export async function writePendingSignIn(pending: PendingSignIn): Promise<void> {
  const name = await cookieName();
  (await cookies()).set(name, await sealPending(pending, authSecret()), {
    httpOnly: true,
    sameSite: "strict",
    path: PATH,
    secure: name.startsWith("__Secure-"),
    maxAge: PENDING_LIFETIME_S[pending.step],
  });
}

export async function clearPendingSignIn(): Promise<void> {
  const name = await cookieName();
  (await cookies()).set(name, "", {
    httpOnly: true,
    sameSite: "strict",
    path: PATH,
    secure: name.startsWith("__Secure-"),
    maxAge: 0,
  });
}
