"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/format/time-zone";

// Keeps the zone this browser reports in a cookie, for a staff member who has not chosen one: the server
// reads it (lib/format/staff-time-zone.ts) and renders dates in it from the first byte, so there is no
// hydration mismatch and no flash of UTC. A cookie rather than a column written at sign-in: it is the same
// for password, second-factor and single sign-on (which returns from the identity provider, where no form
// of ours could carry the zone), and each browser keeps its own, so a laptop in another zone shows its own.

const YEAR_SECONDS = 365 * 24 * 3600;

function canonical(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

/**
 * `rendered`: the zone this page was rendered in when it followed the browser (null when the staff member
 * chose one, or on the sign-in page). If the cookie was new or stale and that zone is not the browser's,
 * the page is rendered again once; the cookie then matches, so it cannot loop.
 */
export function BrowserTimeZone({ rendered }: { rendered: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const stored = document.cookie.match(new RegExp(`(?:^|; )${TIME_ZONE_COOKIE}=([^;]*)`))?.[1];
    // Intl's zone names are letters, digits and / _ + -: safe as a cookie value as they are.
    if (!zone || !/^[\w/+-]+$/.test(zone) || stored === zone) return;
    const secure = location.protocol === "https:" ? "; Secure" : "";
    // biome-ignore lint/suspicious/noDocumentCookie: a preference cookie; some browsers lack the Cookie Store API.
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`;
    if (rendered !== null && canonical(rendered) !== canonical(zone)) router.refresh();
  }, [rendered, router]);
  return null;
}
