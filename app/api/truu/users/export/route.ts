import { pagedExport } from "@/lib/table/paged-export";
import { listUsers, TRUU_USER_CSV_HEADER, truuUserCells, UserTableSearch, userTable } from "@/lib/truu/list-users";

export const dynamic = "force-dynamic";

/** Every enrolled TruU user the users table's URL filters match, in its order, with live device counts, as CSV. */
export const GET = pagedExport({
  action: "truu.user.exported",
  vendor: "truu",
  name: "truu-users",
  search: UserTableSearch,
  filter: (v) => userTable(v).filter,
  page: listUsers,
  header: TRUU_USER_CSV_HEADER,
  cells: truuUserCells,
});
