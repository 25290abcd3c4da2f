/** Who passkeys are made for and where their answers must come from. */
export interface RelyingParty {
  /** The WebAuthn RP ID: the console's host name, without port. */
  rpID: string;
  /** The origin browsers put in their answers (scheme, host and port). */
  origin: string;
  name: string;
}

export const RP_NAME = "Helpdesk console";

/**
 * From AUTH_URL when set (the console's public URL; set it in production:
 * otherwise a proxy that rewrites Host would decide what origin answers are
 * checked against), else from the request's host as Auth.js reads it
 * (X-Forwarded-Host, then Host) with X-Forwarded-Proto. A passkey works only
 * on the host it was made on: one made at http://localhost:3000 is not
 * offered at http://127.0.0.1:3000.
 */
export function relyingParty(headers: Headers, env: Record<string, string | undefined> = process.env): RelyingParty {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (configured) {
    const url = new URL(configured);
    return { rpID: url.hostname, origin: url.origin, name: RP_NAME };
  }
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]?.trim() ?? "";
  const proto = (headers.get("x-forwarded-proto") ?? "https").split(",")[0]?.trim().replace(/:$/, "") ?? "https";
  if (!host) throw new Error("The request names no host: set AUTH_URL to the console's public URL.");
  const url = new URL(`${proto}://${host}`);
  return { rpID: url.hostname, origin: url.origin, name: RP_NAME };
}
