import { decode } from "next-auth/jwt";
import { servedOverHttps } from "../http/served-over-https";

/** Auth.js's session cookie; `__Secure-` prefixed when the console is served over HTTPS. */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/** decode()'s clock tolerance for `exp`, in seconds. */
const CLOCK_TOLERANCE_S = 15;
const MAX_CACHED_TOKENS = 1_000;

/**
 * Decoded session cookies by their exact text (and key and cookie name).
 * Decoding derives the key with HKDF and decrypts: about 2 ms of CPU on every
 * page for a cookie that stays the same for minutes. A cookie's claims never
 * change (any other text is another cookie); only its `exp` passes, and a
 * cached one is checked against it on every read, with decode()'s tolerance.
 */
const decodedTokens = new Map<string, Record<string, unknown>>();

function remember(key: string, token: Record<string, unknown>) {
  if (decodedTokens.size >= MAX_CACHED_TOKENS) decodedTokens.delete(decodedTokens.keys().next().value!);
  decodedTokens.set(key, token);
}

/** The session's staff id and version, as lib/auth/auth.ts's session callback puts them. */
export interface StaffSession {
  staffId: string;
  sessionVersion: number;
}

/**
 * Reads the session from the request's cookies as Auth.js's `auth()` does
 * (the same cookie, chunks joined in order, the same decryption and expiry,
 * then the jwt callback's absolute limit), without `auth()`'s round trip
 * through its HTTP handler, which also re-encrypts a refreshed cookie that a
 * server component cannot set: several milliseconds of CPU on every page.
 */
export async function readStaffSession(
  cookies: { name: string; value: string }[],
  opts: { secret: string; secure: boolean; absoluteHours: number; now?: number },
): Promise<StaffSession | null> {
  const name = sessionCookieName(opts.secure);
  const parts = cookies
    .filter((c) => (c.name === name || c.name.startsWith(`${name}.`)) && c.value)
    .map((c) => ({
      index: c.name === name ? 0 : Number.parseInt(c.name.slice(name.length + 1), 10) || 0,
      value: c.value,
    }))
    .sort((a, b) => a.index - b.index);
  if (parts.length === 0) return null;
  const now = opts.now ?? Date.now();
  const value = parts.map((p) => p.value).join("");
  const cacheKey = `${opts.secret}\0${name}\0${value}`;
  let token: Record<string, unknown> | null | undefined = decodedTokens.get(cacheKey);
  if (token && !(typeof token.exp === "number" && token.exp > now / 1000 - CLOCK_TOLERANCE_S)) {
    decodedTokens.delete(cacheKey); // expired since it was decoded
    return null;
  }
  if (token === undefined) {
    try {
      token = await decode({ token: value, secret: opts.secret, salt: name });
    } catch {
      return null; // tampered, wrong key, or expired: no session, as with auth()
    }
    if (token && typeof token.exp === "number") remember(cacheKey, token);
  }
  if (!token || typeof token.sid !== "string") return null;
  if (typeof token.signedInAt === "number" && now - token.signedInAt > opts.absoluteHours * 3600_000) return null;
  return { staffId: token.sid, sessionVersion: token.sv as number };
}

/**
 * Whether Auth.js uses secure cookies for this request: the console's one
 * rule (AUTH_URL's protocol, else the forwarded one), with Auth.js's own
 * default of https when no protocol is known.
 */
export function usesSecureCookies(
  forwardedProto: string | null,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return servedOverHttps(forwardedProto ?? "https", env);
}
