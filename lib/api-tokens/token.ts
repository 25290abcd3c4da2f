import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * An API token as its owner copies it once: `hdc_<id>_<secret>`. The id finds the row; the secret (32 random bytes,
 * base64url) is kept only as its sha256, which is enough for a secret of that entropy (a password needs a slow hash,
 * a random 256-bit secret does not).
 */
const TOKEN = /^hdc_([a-z0-9]{20,40})_([A-Za-z0-9_-]{43})$/;

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function tokenText(id: string, secret: string): string {
  return `hdc_${id}_${secret}`;
}

export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The id and secret of a token, or null for text that is not one. */
export function parseToken(text: string): { id: string; secret: string } | null {
  const m = TOKEN.exec(text.trim());
  return m?.[1] && m[2] ? { id: m[1], secret: m[2] } : null;
}

/** Whether a secret matches a stored hash, in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(secretHash(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The token of an `Authorization: Bearer …` header, or null for another scheme. */
export function bearerOf(header: string): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}
