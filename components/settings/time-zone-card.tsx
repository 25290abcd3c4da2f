import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { Staff } from "@/lib/auth/staff";
import { UTC } from "@/lib/format/date-time";
import { reportedTimeZone } from "@/lib/format/staff-time-zone";
import { selectableTimeZones } from "@/lib/format/time-zone";
import { TimeZoneForm } from "./time-zone-form";

/** Settings: the zone the signed-in staff member sees every date and time in. */
export async function TimeZoneCard({ staff }: { staff: Staff }) {
  const browser = await reportedTimeZone();
  return (
    <Card data-testid="time-zone-card">
      <CardTitle>Time zone</CardTitle>
      <CardDescription>
        Dates and times across the console are shown in this zone; hover over one for the exact time and its zone.
      </CardDescription>
      <TimeZoneForm
        chosen={staff.timeZone}
        browserLabel={`This browser's zone (${browser ?? `${UTC}: not reported yet`})`}
        zones={selectableTimeZones()}
        now={Date.now()}
      />
    </Card>
  );
}
