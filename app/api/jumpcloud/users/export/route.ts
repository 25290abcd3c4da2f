import { JUMPCLOUD_USER_CSV_HEADER, JumpcloudUserSearch, jumpcloudUserCells, listUsers } from "@/lib/jumpcloud/queries";
import { pagedExport } from "@/lib/table/paged-export";

export const dynamic = "force-dynamic";

/** Every JumpCloud user the users table's URL filters match, in its order, as CSV. */
export const GET = pagedExport({
  action: "jumpcloud.user.exported",
  vendor: "jumpcloud",
  name: "jumpcloud-users",
  search: JumpcloudUserSearch,
  filter: (v) => ({ state: v.state, lock: v.lock, mfa: v.mfa }),
  page: listUsers,
  header: JUMPCLOUD_USER_CSV_HEADER,
  cells: jumpcloudUserCells,
});
