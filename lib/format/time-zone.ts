import { isTimeZone, UTC } from "./date-time";

// Which zone a staff member's dates are shown in. Their own choice (StaffUser.timeZone, set under Settings)
// comes first; without one, the zone their browser reports, which the browser keeps in a cookie
// (components/shell/browser-time-zone.tsx) so that the server renders the same text the browser would;
// without that, UTC.

/** The cookie holding the zone the browser reports (Intl.DateTimeFormat().resolvedOptions().timeZone). */
export const TIME_ZONE_COOKIE = "tz";

export function displayTimeZone(chosen: string | null | undefined, reported: string | null | undefined): string {
  if (isTimeZone(chosen)) return chosen;
  if (isTimeZone(reported)) return reported;
  return UTC;
}

let selectable: readonly string[] | null = null;

/**
 * The zones a staff member may choose: UTC and every IANA zone this runtime's Intl lists. The list's own
 * names only (Node lists canonical IDs and leaves out "UTC", so it is added), so a saved choice is one the
 * server can always format in.
 */
export function selectableTimeZones(): readonly string[] {
  selectable ??= [UTC, ...Intl.supportedValuesOf("timeZone").filter((z) => z !== UTC)];
  return selectable;
}
