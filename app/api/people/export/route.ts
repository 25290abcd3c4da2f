import { db } from "@/lib/db";
import { urlId } from "@/lib/params/fields";
import { PEOPLE_CSV_HEADER, PeopleSearch, peopleExportSql } from "@/lib/people/list-people";
import { route } from "@/lib/routes/route";
import { csvDownload } from "@/lib/table/csv-response";
import { recordExport } from "@/lib/table/export-audit";
import { tableState } from "@/lib/table/params";
import { tenantNames } from "@/lib/tenants/names";

export const dynamic = "force-dynamic";

/**
 * Every person the People table's URL filters match, with the vendors that know them, as CSV streamed from
 * Postgres. The same checks as the page: a session, read access, a tenant in the caller's scope.
 */
export const GET = route(
  {
    name: "people.exported",
    perm: "console.read",
    query: PeopleSearch.extend({ tenantId: urlId() }),
    tenant: ({ query }) => query.tenantId,
  },
  async ({ query }, { staff, meta, found }) => {
    const { tenantId } = query;
    const tenantName = found((await tenantNames(db(), [tenantId])).get(tenantId), { type: "tenant", id: tenantId });
    const state = tableState(query);
    const filter = { only: query.only, missing: query.missing };
    await recordExport(db(), staff, meta, {
      action: "people.exported",
      tenantId,
      target: { type: "people", id: tenantId, label: tenantName },
      filter: { q: state.q, sort: state.sort, dir: state.dir, ...filter },
    });
    return csvDownload("people", PEOPLE_CSV_HEADER, peopleExportSql(tenantId, state, filter));
  },
);
