import { NextRequest } from "next/server";
import { publicOrigin } from "./public-origin";

/**
 * The request with the URL the browser used. Next.js builds a route
 * handler's request URL from the address the server listens on
 * (`http://0.0.0.0:3000/…` with the default HOST), and Auth.js takes its
 * redirects and OAuth callback URLs from it; this is what next-auth itself
 * does when AUTH_URL is set, for the case where it is not.
 */
export function atPublicOrigin(req: NextRequest): NextRequest {
  const origin = publicOrigin(req.headers);
  const { href, origin: current } = req.nextUrl;
  return current === origin ? req : new NextRequest(origin + href.slice(current.length), req);
}
