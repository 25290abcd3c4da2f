import { Secret, TOTP } from "otpauth";

// SHA-1, six digits, 30 seconds: the parameters every authenticator app
// supports (many ignore anything else in the otpauth:// URI).
const PARAMS = { algorithm: "SHA1", digits: 6, period: 30 } as const;
/** Codes one step either side of now are accepted, for clock drift and typing time (RFC 6238 §5.2). */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Helpdesk console";

/** A new 160-bit secret (RFC 4226 §4 recommends 160), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secret: string, account: string): string {
  return new TOTP({ ...PARAMS, issuer: TOTP_ISSUER, label: account, secret: Secret.fromBase32(secret) }).toString();
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The code for a moment (tests and the e2e helper compute what an app would show). */
export function totpCode(secret: string, now = Date.now()): string {
  return TOTP.generate({ ...PARAMS, secret: Secret.fromBase32(secret), timestamp: now });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "malformed" | "wrong" | "replayed" };

/**
 * Checks a code against the secret within the window and returns the time
 * step it belongs to. A code for the last accepted step or an earlier one is
 * refused, so a code seen over someone's shoulder (or in a log) cannot be
 * used again while it is still within the window; the caller stores the
 * returned step only if it is newer than the stored one (atomically).
 */
export function checkTotp(
  secret: string,
  code: string,
  opts: { lastUsedStep: number | null; now?: number },
): TotpCheck {
  const token = code.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "malformed" };
  const timestamp = opts.now ?? Date.now();
  const delta = TOTP.validate({ ...PARAMS, token, secret: Secret.fromBase32(secret), timestamp, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: "wrong" };
  const step = TOTP.counter({ period: PARAMS.period, timestamp }) + delta;
  if (opts.lastUsedStep !== null && step <= opts.lastUsedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step };
}
