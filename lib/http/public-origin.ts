import { configuredPublicUrl, servedOverHttps } from "./served-over-https";

type Env = Record<string, string | undefined>;

/**
 * The origin the browser knows the console by, for absolute URLs the
 * console sends out (redirects, Auth.js's callback URLs): AUTH_URL's when it
 * is set, else the request's own host and protocol (X-Forwarded-Host and
 * -Proto only survive from a trusted proxy). Never the address the server
 * listens on: Next.js builds a route handler's request URL from that
 * (`http://0.0.0.0:3000/…` with the default HOST).
 */
export function publicOrigin(headers: Headers, env: Env = process.env): string {
  const configured = configuredPublicUrl(env);
  if (configured) return configured.origin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) throw new Error("the request has no Host header and AUTH_URL is not set");
  return new URL(`${servedOverHttps(headers.get("x-forwarded-proto"), env) ? "https" : "http"}://${host}`).origin;
}
