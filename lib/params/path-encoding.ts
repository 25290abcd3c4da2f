/**
 * Whether a request path has a segment that does not percent-decode (a stray
 * `%`, or bytes that are not UTF-8). Next.js's router fails to decode such a
 * segment for a dynamic route ([jobId]) and, with no Pages Router error page
 * to render its 400 with, answers 500; the proxy answers 400 first.
 */
export function isMalformedPath(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}
