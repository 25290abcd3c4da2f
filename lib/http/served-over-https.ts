type Env = Record<string, string | undefined>;

/** The console's public URL when one is configured (AUTH_URL, or Auth.js's older NEXTAUTH_URL). */
export function configuredPublicUrl(env: Env = process.env): URL | null {
  const url = env.AUTH_URL || env.NEXTAUTH_URL;
  return url ? new URL(url) : null;
}

/**
 * Whether the console is served over https, the one rule behind HSTS and
 * Secure cookies: the configured public URL's scheme when there is one, else
 * the protocol the request arrived with. `forwardedProto` is X-Forwarded-Proto
 * as the app sees it, which the web server only lets a trusted proxy set (it
 * fills it in from the connection otherwise, lib/http/edge-stamp.ts); the
 * first value is the one the outermost proxy saw.
 */
export function servedOverHttps(forwardedProto: string | null, env: Env = process.env): boolean {
  const configured = configuredPublicUrl(env);
  if (configured) return configured.protocol === "https:";
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
