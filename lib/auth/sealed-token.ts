import { decode, encode } from "next-auth/jwt";

/**
 * Short-lived claims, encrypted and authenticated with the Auth.js secret
 * (the same JWE as the session cookie). The key is derived per purpose, so a
 * token made for one purpose does not even decrypt as another, nor as a
 * session; the purpose is also a claim, checked on reading.
 */
export async function sealClaims(
  purpose: string,
  claims: Record<string, unknown>,
  secret: string,
  maxAgeSeconds: number,
): Promise<string> {
  return encode({ token: { ...claims, purpose }, secret, salt: purpose, maxAge: maxAgeSeconds });
}

/** The claims, or null when missing, tampered with, sealed for another purpose or expired. */
export async function openClaims(
  purpose: string,
  token: string | null | undefined,
  secret: string,
): Promise<Record<string, unknown> | null> {
  if (!token) return null;
  try {
    const claims = await decode({ token, secret, salt: purpose });
    return claims && claims.purpose === purpose ? claims : null;
  } catch {
    return null;
  }
}
