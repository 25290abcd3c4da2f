import { Prisma } from "../generated/prisma/client";
import type { TableState } from "../table/params";
import type { DeviceFilter, DeviceSort } from "./device-filters";
import { deviceOrder, deviceWhere } from "./list-devices";

export const DEVICE_CSV_HEADER = [
  "deviceId",
  "deviceName",
  "type",
  "userUpn",
  "userDisplayName",
  "userGuid",
  "appVersion",
  "sdkVersion",
  "os",
  "lastHeardFrom",
  "assurance",
  "assuranceLevel",
  "active",
  "created",
] as const;

// The columns are Prisma DateTime (timestamp without zone, holding UTC): formatted here, so no driver guesses a zone.
const iso = (col: string) => Prisma.raw(`to_char("${col}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Every device matching the table's URL, in the table's order, one CSV row each (DEVICE_CSV_HEADER). */
export function deviceExportSql(
  tenantId: string,
  state: Pick<TableState<DeviceSort>, "q" | "sort" | "dir">,
  filter: DeviceFilter,
  now = new Date(),
): Prisma.Sql {
  return Prisma.sql`SELECT "vendorId", "deviceName", "type", "userUpn", "userDisplayName", "userGuid",
      "appVersion", "sdkVersion", "softwareIdentifier", ${iso("lastHeardFrom")},
      CASE "assuranceLevel" WHEN 100 THEN 'Basic' WHEN 300 THEN 'Trusted' WHEN 500 THEN 'Certified' END,
      "assuranceLevel", "active", ${iso("createdAtVendor")}
    FROM "TruuDevice" WHERE ${deviceWhere(tenantId, state.q, filter, now)} ORDER BY ${deviceOrder(state)}`;
}
