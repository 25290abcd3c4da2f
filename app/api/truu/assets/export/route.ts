import { pagedExport } from "@/lib/table/paged-export";
import { AssetTableSearch, listAssets, TRUU_ASSET_CSV_HEADER, truuAssetCells } from "@/lib/truu/list-assets";

export const dynamic = "force-dynamic";

/** Every TruU workstation the assets table's URL filters match, in its order, as CSV. */
export const GET = pagedExport({
  action: "truu.asset.exported",
  vendor: "truu",
  name: "truu-assets",
  search: AssetTableSearch,
  filter: (v) => ({ type: v.type }),
  page: (db, tenantId, state, filter) => listAssets(db, tenantId, state, filter.type),
  header: TRUU_ASSET_CSV_HEADER,
  cells: truuAssetCells,
});
