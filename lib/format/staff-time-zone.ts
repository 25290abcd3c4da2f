import "server-only";
import { cookies } from "next/headers";
import type { Staff } from "../auth/staff";
import { isTimeZone } from "./date-time";
import { displayTimeZone, TIME_ZONE_COOKIE } from "./time-zone";

/** The zone this browser reported (components/shell/browser-time-zone.tsx), when the server's Intl knows it. */
export async function reportedTimeZone(): Promise<string | null> {
  const reported = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return isTimeZone(reported) ? reported : null;
}

/** The zone a server component shows the signed-in staff member's dates in (see lib/format/time-zone.ts). */
export async function staffTimeZone(staff: Pick<Staff, "timeZone">): Promise<string> {
  return displayTimeZone(staff.timeZone, await reportedTimeZone());
}
