import QRCode from "qrcode";
import { ActionError } from "../actions/result";
import { open, seal } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { countFactors } from "./factors";
import { issueRecoveryCodes } from "./recovery-codes";
import { checkTotp, groupSecret, newTotpSecret, totpUri } from "./totp";

type Client = Db | Prisma.TransactionClient;

// Bound to the staff user: a sealed secret copied onto another account's row does not open there.
const aad = (staffId: string) => `staff-totp:${staffId}`;

export interface TotpEnrolment {
  /** The secret in groups of four, for typing into an app that cannot scan. */
  secret: string;
  uri: string;
  /** The QR code of the URI as SVG markup. */
  qrSvg: string;
}

/**
 * Starts (or starts again) setting up an app: a new secret, stored sealed and unconfirmed until a code proves the app
 * has it.
 */
export async function startTotpEnrolment(db: Client, staff: { id: string; email: string }): Promise<TotpEnrolment> {
  const existing = await db.staffTotp.findUnique({ where: { staffId: staff.id }, select: { confirmedAt: true } });
  if (existing?.confirmedAt)
    throw new ActionError("An authenticator app is already set up: remove it before setting up another.");
  const secret = newTotpSecret();
  const secretSealed = seal(secret, aad(staff.id));
  await db.staffTotp.upsert({
    where: { staffId: staff.id },
    create: { staffId: staff.id, secretSealed },
    update: { secretSealed, confirmedAt: null, lastUsedStep: null },
  });
  const uri = totpUri(secret, staff.email);
  // No margin: the page draws the quiet zone as a white frame, which also keeps the code scannable in the dark theme.
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 0 });
  return { secret: groupSecret(secret), uri, qrSvg };
}

/**
 * Confirms the app with a code from it. Returns fresh recovery codes when it
 * is the staff user's first factor (null otherwise: existing codes stay).
 */
export async function confirmTotpEnrolment(
  db: Client,
  staffId: string,
  code: string,
  now = Date.now(),
): Promise<{ recoveryCodes: string[] | null }> {
  const row = await db.staffTotp.findUnique({ where: { staffId } });
  if (!row || row.confirmedAt) throw new ActionError("Start setting up the authenticator app again.");
  const check = checkTotp(open(row.secretSealed, aad(staffId)), code, { lastUsedStep: null, now });
  if (!check.ok) {
    throw new ActionError(
      check.reason === "malformed"
        ? "Enter the six-digit code the app shows."
        : "That code does not match: check that the device's clock is right and enter the code the app shows now.",
    );
  }
  const firstFactor = (await countFactors(db, staffId)) === 0;
  // The confirming code's step counts as used: it cannot sign anyone in afterwards.
  await db.staffTotp.update({ where: { staffId }, data: { confirmedAt: new Date(now), lastUsedStep: check.step } });
  return { recoveryCodes: firstFactor ? await issueRecoveryCodes(db, staffId) : null };
}

/** At sign-in: checks a code of the confirmed app and spends its time step. */
export async function spendTotp(
  db: Client,
  staffId: string,
  code: string,
  now = Date.now(),
): Promise<"ok" | "malformed" | "wrong" | "replayed" | "none"> {
  const row = await db.staffTotp.findUnique({ where: { staffId } });
  if (!row?.confirmedAt) return "none";
  const check = checkTotp(open(row.secretSealed, aad(staffId)), code, { lastUsedStep: row.lastUsedStep, now });
  if (!check.ok) return check.reason;
  // Conditional on the stored step still being older: of two requests with one code, one wins.
  const { count } = await db.staffTotp.updateMany({
    where: { staffId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: check.step } }] },
    data: { lastUsedStep: check.step },
  });
  return count === 1 ? "ok" : "replayed";
}
