/** Any fixed origin will do: only whether the target stays on it matters. */
const PLACEHOLDER_ORIGIN = "https://console.invalid";

/**
 * The path to go to after sign-in, or "/" when `next` would leave the
 * console. `next` is parsed the way a browser would resolve it (tabs and new
 * lines dropped, backslashes read as slashes, dot segments resolved), then
 * kept only when it stays on the console's own origin; a path the browser
 * would itself read as protocol-relative once dot segments are gone
 * (`/..//host`) is collapsed to one leading slash.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next === "" || next.length > 2048) return "/";
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  const path = `${url.pathname.replace(/^[/\\]+/, "/")}${url.search}${url.hash}`;
  return path.startsWith("/") ? path : "/";
}

/**
 * Auth.js's redirect callback: a relative target is kept when safe, an
 * absolute one only when it is on the console's own origin.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return base.origin;
  }
  if (target.origin !== base.origin) return base.origin;
  return `${base.origin}${safeNextPath(`${target.pathname}${target.search}${target.hash}`)}`;
}
