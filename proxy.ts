import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, cspNonce, formActionOrigins } from "./lib/http/content-security-policy";
import { servedOverHttps } from "./lib/http/served-over-https";

// Per-response security headers (Next.js 16's proxy, run before every page
// and route): a Content-Security-Policy with a fresh script nonce, and HSTS
// when the console is served over https. The fixed ones (Permissions-Policy,
// X-Frame-Options, …) are in next.config.js.

export function proxy(request: NextRequest) {
  const nonce = cspNonce();
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"));
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https, formActions: formActionOrigins() });
  // Next.js reads the nonce for its own scripts from the request's policy;
  // the root layout reads x-nonce for next-themes' script.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    {
      // Not the build's static files (no scripts run from them), nor the
      // router's prefetches (no document is made from them).
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
