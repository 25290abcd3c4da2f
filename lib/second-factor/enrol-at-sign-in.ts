import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { ActionError } from "../actions/result";
import type { AuditAction } from "../audit/event-types";
import { recordAudit } from "../audit/record";
import type { PendingSignIn } from "../auth/pending-sign-in";
import { recordSignedIn } from "../auth/verify-sign-in";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { countFactors } from "./factors";
import { passkeyRegistrationOptions, registerPasskey } from "./passkeys";
import type { RelyingParty } from "./relying-party";
import { confirmTotpEnrolment, startTotpEnrolment } from "./totp-factor";

// Enrolment demanded at sign-in (a factor is required, the account has none):
// the password has been checked, there is no session yet. Only an account
// with no factor may enrol this way: with one, the password alone must never
// be enough to add another.

type Meta = { ip: string; userAgent: string | null };

async function enrollingStaff(db: Db | Prisma.TransactionClient, pending: PendingSignIn) {
  const staff = await db.staffUser.findUnique({ where: { id: pending.staffId } });
  if (!staff || staff.disabled || staff.sessionVersion !== pending.sessionVersion || pending.step !== "enrol") {
    throw new ActionError("This sign-in has expired: sign in again.");
  }
  if ((await countFactors(db, staff.id)) > 0)
    throw new ActionError("A second factor is already set up for this account: sign in again to use it.");
  return staff;
}

const audit = (
  tx: Prisma.TransactionClient,
  staff: { id: string; email: string; name: string },
  meta: Meta,
  action: AuditAction,
  after: Record<string, unknown>,
) =>
  recordAudit(tx, {
    action,
    actor: { id: staff.id, email: staff.email, name: staff.name },
    ...meta,
    outcome: "success",
    targets: [{ type: "staff_user", id: staff.id, label: staff.email }],
    after: { ...after, during: "sign_in" },
  });

export async function startTotpAtSignIn(db: Db, pending: PendingSignIn) {
  return startTotpEnrolment(db, await enrollingStaff(db, pending));
}

/** Confirms the app; returns the recovery codes to show once. */
export async function confirmTotpAtSignIn(db: Db, pending: PendingSignIn, code: string, meta: Meta): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const staff = await enrollingStaff(tx, pending);
    const { recoveryCodes } = await confirmTotpEnrolment(tx, staff.id, code);
    await audit(tx, staff, meta, "staff.totp.enrolled", { recoveryCodes: recoveryCodes?.length ?? 0 });
    return recoveryCodes ?? [];
  });
}

export async function passkeyOptionsAtSignIn(db: Db, pending: PendingSignIn, rp: RelyingParty) {
  return passkeyRegistrationOptions(db, await enrollingStaff(db, pending), rp);
}

/** Stores the passkey; returns the recovery codes to show once. */
export async function addPasskeyAtSignIn(
  db: Db,
  pending: PendingSignIn,
  input: { name: string; response: RegistrationResponseJSON },
  rp: RelyingParty,
  meta: Meta,
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const staff = await enrollingStaff(tx, pending);
    const { passkey, recoveryCodes } = await registerPasskey(tx, staff.id, input, rp);
    await audit(tx, staff, meta, "staff.passkey.added", {
      passkeyId: passkey.id,
      name: passkey.name,
      recoveryCodes: recoveryCodes?.length ?? 0,
    });
    return recoveryCodes ?? [];
  });
}

/** The session's last check after enrolment: the pending state says which factor was just set up. */
export async function finishSignInAfterEnrolment(db: Db, pending: PendingSignIn, meta: Meta) {
  const staff = await db.staffUser.findUnique({ where: { id: pending.staffId } });
  if (
    !staff ||
    staff.disabled ||
    staff.sessionVersion !== pending.sessionVersion ||
    pending.step !== "enrolled" ||
    !pending.factor ||
    !pending.enrolledAt
  ) {
    throw new ActionError("This sign-in has expired: sign in again.");
  }
  if ((await countFactors(db, staff.id)) === 0)
    throw new ActionError("The second factor is gone: sign in again to set one up.");
  // Single use: the first sign-in after the enrolment spends this state (a copied cookie cannot sign in again).
  const spent = await db.staffUser.updateMany({
    where: { id: staff.id, OR: [{ lastSignInAt: null }, { lastSignInAt: { lt: new Date(pending.enrolledAt) } }] },
    data: { lastSignInAt: new Date() },
  });
  if (spent.count === 0) throw new ActionError("This sign-in has expired: sign in again.");
  const signedIn = { id: staff.id, email: staff.email, name: staff.name, sessionVersion: staff.sessionVersion };
  await recordSignedIn(db, signedIn, meta, `password+${pending.factor}`);
  return signedIn;
}
