"use client";
import { createContext, type PropsWithChildren, useContext } from "react";
import { UTC } from "@/lib/format/date-time";

// The staff member's display zone for client components, put in place by the console layout from the
// session's staff (lib/format/staff-time-zone.ts), so server and browser render dates alike.
const TimeZoneContext = createContext<string>(UTC);

export function TimeZoneProvider({ timeZone, children }: PropsWithChildren<{ timeZone: string }>) {
  return <TimeZoneContext value={timeZone}>{children}</TimeZoneContext>;
}

/** The zone to show dates in; UTC outside the console (the sign-in pages). */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
