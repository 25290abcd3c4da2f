import { randomBytes } from "node:crypto";
import { configuredPublicUrl } from "./served-over-https";

type Env = Record<string, string | undefined>;

/** A fresh nonce for one response: 128 random bits, base64 as CSP nonce-sources take it. */
export function cspNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Where a form on a console page may post or be redirected to besides the
 * console itself: AUTH_URL's origin (sign-in and sign-out redirect there when
 * it is set) and, when single sign-on is on (all three AUTH_OIDC_* set, as in
 * lib/auth/oidc.ts), the identity provider's, because a sign-in form without
 * JavaScript ends in a redirect to its authorization page.
 */
export function formActionOrigins(env: Env = process.env): string[] {
  const origins = new Set<string>();
  const publicUrl = configuredPublicUrl(env);
  if (publicUrl) origins.add(publicUrl.origin);
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET)
    origins.add(new URL(env.AUTH_OIDC_ISSUER).origin);
  return [...origins];
}

/**
 * The Content-Security-Policy of a console page. Scripts run only with this
 * response's nonce (Next.js puts it on its own scripts when it finds it in
 * the request's policy; 'strict-dynamic' lets those load the chunks they
 * need). Styles allow inline: React renders style props as style attributes
 * (a bar chart's widths, Radix's positioning) and sonner injects its own
 * <style>, and neither can carry a nonce; a nonce in style-src would also
 * switch 'unsafe-inline' off. `dev` adds 'unsafe-eval', which React needs in
 * development only. `https` adds upgrade-insecure-requests, which on plain
 * http would send the page's own requests to a port nobody serves.
 */
export function contentSecurityPolicy(opts: {
  nonce: string;
  dev: boolean;
  https: boolean;
  formActions?: string[];
}): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${opts.nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(opts.formActions ?? [])],
    ["frame-ancestors", "'none'"],
    ...(opts.https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
