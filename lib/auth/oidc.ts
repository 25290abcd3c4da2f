import type { OIDCConfig } from "next-auth/providers";
import { db } from "../db";

interface OidcProfile {
  sub: string;
  email?: string;
  preferred_username?: string;
  upn?: string;
  name?: string;
}

/**
 * An optional generic OpenID Connect provider (Entra ID, Okta, Google
 * Workspace, Keycloak…), on when AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and
 * AUTH_OIDC_CLIENT_SECRET are all set.
 */
export function oidcProvider(): OIDCConfig<OidcProfile> | null {
  const {
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: clientId,
    AUTH_OIDC_CLIENT_SECRET: clientSecret,
  } = process.env;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: "oidc",
    name: process.env.AUTH_OIDC_NAME ?? "single sign-on",
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    // Entra ID often omits `email`; its UPN is in preferred_username.
    profile: (p) => ({
      id: p.sub,
      email: (p.email ?? p.preferred_username ?? p.upn ?? "").toLowerCase(),
      name: p.name ?? p.email ?? p.preferred_username,
    }),
  };
}

export function ssoEnabled(): { name: string } | null {
  const p = oidcProvider();
  return p ? { name: String(p.name) } : null;
}

export async function ssoStaffFor(email: string | null | undefined) {
  if (!email) return null;
  const staff = await db().staffUser.findUnique({ where: { email: email.toLowerCase() } });
  return staff && !staff.disabled ? staff : null;
}
