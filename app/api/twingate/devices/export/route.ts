import { pagedExport } from "@/lib/table/paged-export";
import {
  listTwingateDevices,
  TWINGATE_DEVICE_CSV_HEADER,
  TwingateDeviceSearch,
  twingateDeviceCells,
} from "@/lib/twingate/queries";

export const dynamic = "force-dynamic";

/** Every Twingate device the devices table's URL filters match (one user's, from a user's link), as CSV. */
export const GET = pagedExport({
  action: "twingate.device.exported",
  vendor: "twingate",
  name: "twingate-devices",
  search: TwingateDeviceSearch,
  filter: (v) => ({ state: v.state, trusted: v.trusted, user: v.user }),
  page: listTwingateDevices,
  header: TWINGATE_DEVICE_CSV_HEADER,
  cells: twingateDeviceCells,
});
