import { db } from "@/lib/db";
import { urlId } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";
import { csvFromPages } from "@/lib/table/csv-pages";
import { csvDownload } from "@/lib/table/csv-response";
import { recordExport } from "@/lib/table/export-audit";
import { tableState } from "@/lib/table/params";
import { tenantNames } from "@/lib/tenants/names";
import {
  listTwingateUsers,
  TWINGATE_USER_CSV_HEADER,
  TwingateUserSearch,
  twingateUserCells,
} from "@/lib/twingate/queries";

export const dynamic = "force-dynamic";

/**
 * Every Twingate user the users table's URL filters match, in its order, as CSV read through the table's own page
 * query. The same checks as the page: a session, read access, a tenant in the caller's scope.
 */
export const GET = route(
  {
    name: "twingate.user.exported",
    perm: "console.read",
    query: TwingateUserSearch.extend({ tenantId: urlId() }),
    tenant: ({ query }) => query.tenantId,
  },
  async ({ query }, { staff, meta, found }) => {
    const { tenantId } = query;
    const tenantName = found((await tenantNames(db(), [tenantId])).get(tenantId), { type: "tenant", id: tenantId });
    const state = tableState(query);
    const filter = { state: query.state, role: query.role, type: query.type };
    await recordExport(db(), staff, meta, {
      action: "twingate.user.exported",
      tenantId,
      vendor: "twingate",
      target: { type: "twingate_users", id: tenantId, label: tenantName },
      filter: { q: state.q, sort: state.sort, dir: state.dir, ...filter },
    });
    const pages = csvFromPages(TWINGATE_USER_CSV_HEADER, async (page, size) =>
      (await listTwingateUsers(db(), tenantId, { ...state, page, size }, filter)).rows.map(twingateUserCells),
    );
    return csvDownload("twingate-users", TWINGATE_USER_CSV_HEADER, pages);
  },
);
