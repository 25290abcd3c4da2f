import { type NextRequest, NextResponse } from "next/server";
import { actionBodyRefusal } from "./lib/http/action-body-limit";
import { contentSecurityPolicy, cspNonce, formActionOrigins } from "./lib/http/content-security-policy";
import { servedOverHttps } from "./lib/http/served-over-https";
import { isMalformedPath } from "./lib/params/path-encoding";

// Runs before every page and route (Next.js 16's proxy). First what Next.js
// itself would answer with a 500: a path that does not percent-decode (a
// dynamic route's parameters cannot be read) and a server action body over
// its limit. Then the per-response security headers: a Content-Security-Policy
// with a fresh script nonce, and HSTS when the console is served over https.
// The fixed ones (Permissions-Policy, X-Frame-Options, …) are in next.config.js.

export function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname))
    return new NextResponse("Bad request: the path is not valid percent-encoding.", { status: 400 });
  const tooLarge = actionBodyRefusal(request.method, request.headers);
  if (tooLarge)
    return new NextResponse(tooLarge, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
  // The router's prefetches make no document, so they need no nonce; the checks above still apply
  // (a client can send the prefetch headers on any request).
  if (request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch")
    return NextResponse.next();
  const nonce = cspNonce();
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"));
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https,
    formActions: formActionOrigins(),
  });
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
    // Not the build's static files: no scripts run from them, and no request parameters reach them.
    { source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" },
  ],
};
