import { pagedExport } from "@/lib/table/paged-export";
import {
  listTwingateUsers,
  TWINGATE_USER_CSV_HEADER,
  TwingateUserSearch,
  twingateUserCells,
} from "@/lib/twingate/queries";

export const dynamic = "force-dynamic";

/** Every Twingate user the users table's URL filters match, in its order, as CSV. */
export const GET = pagedExport({
  action: "twingate.user.exported",
  vendor: "twingate",
  name: "twingate-users",
  search: TwingateUserSearch,
  filter: (v) => ({ state: v.state, role: v.role, type: v.type }),
  page: listTwingateUsers,
  header: TWINGATE_USER_CSV_HEADER,
  cells: twingateUserCells,
});
