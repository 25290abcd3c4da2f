"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { selectableTimeZones } from "../format/time-zone";

/** One of the listed zones, or "" for none: dates then follow the browser's zone (lib/format/time-zone.ts). */
const TimeZoneChoice = z.union([
  z.literal("").transform(() => null),
  z.string().refine((z) => selectableTimeZones().includes(z), "Choose a time zone from the list"),
]);

/** Settings → Your account: the zone the signed-in staff member sees dates in. */
export const setOwnTimeZone = action(
  {
    name: "staff.time_zone_changed",
    perm: "profile.update",
    tenant: "global",
    input: z.object({ timeZone: TimeZoneChoice }),
  },
  async ({ timeZone }, ctx) => {
    const before = await ctx.db.staffUser.findUniqueOrThrow({
      where: { id: ctx.staff.id },
      select: { timeZone: true },
    });
    await ctx.db.staffUser.update({ where: { id: ctx.staff.id }, data: { timeZone } });
    ctx.audit.targets = [{ type: "staff_user", id: ctx.staff.id, label: ctx.staff.email }];
    ctx.audit.before = { timeZone: before.timeZone };
    ctx.audit.after = { timeZone };
    return { timeZone };
  },
);
