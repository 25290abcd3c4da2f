import { z } from "zod";
import type { Db } from "../db/client";
import { safeNextPath } from "./safe-redirect";
import { openClaims, sealClaims } from "./sealed-token";

// Between a right password and the session, the browser holds this state in
// an encrypted httpOnly cookie: who passed the password, at which session
// version, what must come next, and where to go after. It is not a session:
// nothing but the second-step pages reads it.
const PURPOSE = "console.pending-sign-in";

/**
 * second_factor: the account has a factor, which must be answered.
 * enrol: a factor is required and there is none: one must be set up.
 * enrolled: one was just set up (proving possession of it); only the session is left.
 */
export const PENDING_STEPS = ["second_factor", "enrol", "enrolled"] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];

/** Seconds each step's state lives: a code is typed in moments; setting up an app takes longer. */
export const PENDING_LIFETIME_S: Record<PendingStep, number> = {
  second_factor: 5 * 60,
  enrol: 15 * 60,
  enrolled: 10 * 60,
};

const Pending = z.object({
  staffId: z.string().min(1),
  sessionVersion: z.number().int(),
  step: z.enum(PENDING_STEPS),
  next: z.string().transform(safeNextPath),
  /** With step "enrolled": the factor just set up. */
  factor: z.enum(["totp", "passkey"]).optional(),
  /** With step "enrolled": when it was set up; the state is spent by the first sign-in after it (single use). */
  enrolledAt: z.number().int().optional(),
});
export type PendingSignIn = z.output<typeof Pending>;

/** Where a sign-in whose pending state is gone or stale starts again, with a message saying why. */
export const EXPIRED_SIGN_IN = "/login?error=SignInExpired";

export function pendingCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}console.pending-sign-in`;
}

export async function sealPending(pending: PendingSignIn, secret: string): Promise<string> {
  return sealClaims(
    PURPOSE,
    { ...pending, next: safeNextPath(pending.next) },
    secret,
    PENDING_LIFETIME_S[pending.step],
  );
}

export async function openPending(token: string | null | undefined, secret: string): Promise<PendingSignIn | null> {
  const parsed = Pending.safeParse(await openClaims(PURPOSE, token, secret));
  return parsed.success ? parsed.data : null;
}

/** The email of the staff user a pending sign-in is for (whom the second step signs in); null once they are gone. */
export async function pendingStaffEmail(db: Db, staffId: string): Promise<string | null> {
  return (await db.staffUser.findUnique({ where: { id: staffId }, select: { email: true } }))?.email ?? null;
}
