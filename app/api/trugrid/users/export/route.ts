import { pagedExport } from "@/lib/table/paged-export";
import {
  listTrugridUsers,
  TRUGRID_USER_CSV_HEADER,
  TrugridUserSearch,
  trugridUserCells,
} from "@/lib/trugrid/list-users";

export const dynamic = "force-dynamic";

/** Every TruGrid user the users table's URL filters match, in its order, with what this console last set, as CSV. */
export const GET = pagedExport({
  action: "trugrid.user.exported",
  vendor: "trugrid",
  name: "trugrid-users",
  search: TrugridUserSearch,
  filter: (v) => ({ mfa: v.mfa, udp: v.udp }),
  page: listTrugridUsers,
  header: TRUGRID_USER_CSV_HEADER,
  cells: trugridUserCells,
});
