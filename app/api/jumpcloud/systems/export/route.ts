import {
  JUMPCLOUD_SYSTEM_CSV_HEADER,
  JumpcloudSystemSearch,
  jumpcloudSystemCells,
  listSystems,
  systemFilter,
  systemOsList,
} from "@/lib/jumpcloud/queries";
import { pagedExport } from "@/lib/table/paged-export";

export const dynamic = "force-dynamic";

/** Every JumpCloud system the systems table's URL filters match, in its order, as CSV. */
export const GET = pagedExport({
  action: "jumpcloud.system.exported",
  vendor: "jumpcloud",
  name: "jumpcloud-systems",
  search: JumpcloudSystemSearch,
  // The OS filter is checked against the tenant's OS names, as on the page.
  filter: async (v, db, tenantId) => systemFilter(v, await systemOsList(db, tenantId)),
  page: listSystems,
  header: JUMPCLOUD_SYSTEM_CSV_HEADER,
  cells: jumpcloudSystemCells,
});
