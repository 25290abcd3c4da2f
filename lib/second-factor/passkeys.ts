import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type VerifiedRegistrationResponse,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { ActionError } from "../actions/result";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { countFactors } from "./factors";
import { issueRecoveryCodes } from "./recovery-codes";
import type { RelyingParty } from "./relying-party";
import { CHALLENGE_TTL_MS, storeChallenge, takeChallenge } from "./webauthn-challenge";

type Client = Db | Prisma.TransactionClient;

// Passkeys here are a second factor after the password, never a way in by
// themselves: user verification (PIN, biometrics) is welcome but not
// required, and the credential need not be discoverable.
const USER_VERIFICATION = "preferred" as const;
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function passkeyRegistrationOptions(
  db: Client,
  staff: { id: string; email: string; name: string },
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.staffPasskey.findMany({
    where: { staffId: staff.id },
    select: { credentialId: true, transports: true },
  });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.rpID,
    userName: staff.email,
    userDisplayName: staff.name,
    // The user handle is the opaque staff id: stable, so one authenticator keeps one entry per account,
    // and no personal data.
    userID: new TextEncoder().encode(staff.id),
    attestationType: "none",
    // An authenticator already registered is not registered twice.
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: USER_VERIFICATION },
    timeout: CHALLENGE_TTL_MS,
  });
  await storeChallenge(db, staff.id, "register", options.challenge);
  return options;
}

/** Verifies the browser's answer and stores the passkey. Returns fresh recovery codes when it is the first factor. */
export async function registerPasskey(
  db: Client,
  staffId: string,
  input: { name: string; response: RegistrationResponseJSON },
  rp: RelyingParty,
): Promise<{ passkey: { id: string; name: string }; recoveryCodes: string[] | null }> {
  const expectedChallenge = await takeChallenge(db, staffId, "register");
  if (!expectedChallenge) throw new ActionError("The passkey prompt has expired: add the passkey again.");
  let info: VerifiedRegistrationResponse["registrationInfo"] | null;
  try {
    const verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
    info = verification.verified ? verification.registrationInfo : null;
  } catch (err) {
    throw new ActionError(`The passkey was not accepted: ${errorText(err)}`);
  }
  if (!info) throw new ActionError("The passkey was not accepted.");
  const { credential } = info;
  if (await db.staffPasskey.findUnique({ where: { credentialId: credential.id } }))
    throw new ActionError("This passkey is already registered.");
  const firstFactor = (await countFactors(db, staffId)) === 0;
  const created = await db.staffPasskey.create({
    data: {
      staffId,
      name: input.name,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      counter: BigInt(credential.counter),
      transports: credential.transports ?? input.response.response.transports ?? [],
    },
  });
  return {
    passkey: { id: created.id, name: created.name },
    recoveryCodes: firstFactor ? await issueRecoveryCodes(db, staffId) : null,
  };
}

/** Options for the second step, limited to this staff user's passkeys; null when they have none. */
export async function passkeyAuthenticationOptions(
  db: Client,
  staffId: string,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await db.staffPasskey.findMany({
    where: { staffId },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: USER_VERIFICATION,
    timeout: CHALLENGE_TTL_MS,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
  await storeChallenge(db, staffId, "authenticate", options.challenge);
  return options;
}

export type PasskeyCheck = { ok: true; passkey: { id: string; name: string } } | { ok: false; reason: string };

/**
 * At sign-in: checks the browser's answer against the outstanding challenge
 * (taken once, so an answer cannot be replayed) and one of this staff user's
 * passkeys, then records the new signature counter. The library refuses a
 * counter that did not grow, the sign of a cloned authenticator.
 */
export async function spendPasskey(
  db: Client,
  staffId: string,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  now = new Date(),
): Promise<PasskeyCheck> {
  const expectedChallenge = await takeChallenge(db, staffId, "authenticate", now.getTime());
  if (!expectedChallenge)
    return { ok: false, reason: "no outstanding passkey challenge (expired or already answered)" };
  const passkey = await db.staffPasskey.findFirst({ where: { staffId, credentialId: response.id } });
  if (!passkey) return { ok: false, reason: "the passkey is not registered to this account" };
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
    });
    if (!verified) return { ok: false, reason: "the passkey's signature did not verify" };
    await db.staffPasskey.update({
      where: { id: passkey.id },
      data: { counter: BigInt(authenticationInfo.newCounter), lastUsedAt: now },
    });
    return { ok: true, passkey: { id: passkey.id, name: passkey.name } };
  } catch (err) {
    return { ok: false, reason: `the passkey's answer was refused: ${errorText(err)}` };
  }
}

export async function renamePasskey(
  db: Client,
  staffId: string,
  passkeyId: string,
  name: string,
): Promise<{ before: string }> {
  const passkey = await db.staffPasskey.findFirst({ where: { id: passkeyId, staffId } });
  if (!passkey) throw new ActionError("There is no such passkey.");
  await db.staffPasskey.update({ where: { id: passkey.id }, data: { name } });
  return { before: passkey.name };
}

export async function removePasskey(db: Client, staffId: string, passkeyId: string): Promise<{ name: string }> {
  const passkey = await db.staffPasskey.findFirst({ where: { id: passkeyId, staffId } });
  if (!passkey) throw new ActionError("There is no such passkey.");
  await db.staffPasskey.delete({ where: { id: passkey.id } });
  return { name: passkey.name };
}
