import { NextResponse, type NextRequest } from "next/server";
import { isMalformedPath } from "./lib/params/path-encoding";

// Runs before every page and route (Next.js 16's proxy): a path that does not
// percent-decode is a bad request, answered here because Next.js's own
// answer to it, for a dynamic route, is a 500.
export function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname)) return new NextResponse("Bad request: the path is not valid percent-encoding.", { status: 400 });
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
