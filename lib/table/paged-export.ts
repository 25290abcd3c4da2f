import "server-only";
import { z } from "zod";
import type { AuditAction } from "../audit/event-types";
import { db } from "../db";
import type { Db } from "../db/client";
import { urlId } from "../params/fields";
import { route } from "../routes/route";
import { tenantNames } from "../tenants/names";
import type { VendorId } from "../vendors/connection-fields";
import { csvFromPages } from "./csv-pages";
import { csvDownload } from "./csv-response";
import { recordExport } from "./export-audit";
import { type TableState, tableState } from "./params";

/** The values every table URL parses to (tableSearch). */
type TableValues = Parameters<typeof tableState>[0];

/** A table read through Prisma page by page, and how its rows become CSV. */
export interface PagedTable<V extends TableValues, F extends object, R> {
  /** The audit action of the export (and of its refusals). */
  action: AuditAction;
  vendor: VendorId;
  /** The file name's stem (`<name>-<date>.csv`); with `_` for `-`, the audit target's type. */
  name: string;
  /** The page's own URL schema, so the export reads exactly what the page shows. */
  search: z.ZodType<V>;
  /** The table's filters from its URL, as the page derives them (some check values against the tenant's data). */
  filter: (values: V, db: Db, tenantId: string) => F | Promise<F>;
  /** The page's own page query: its order ends on a unique column, so pages neither repeat nor skip rows. */
  page: (db: Db, tenantId: string, state: TableState<V["sort"]>, filter: F) => Promise<{ rows: R[] }>;
  header: readonly string[];
  cells: (row: R) => unknown[];
}

/**
 * The GET handler of a table's CSV export: every row the table's URL filters match, in its order, read through the
 * table's own page query. The same checks as the page (a session, read access, a tenant in the caller's scope), and
 * an audit event saying who took which table, filtered how.
 */
export function pagedExport<V extends TableValues, F extends object, R>(t: PagedTable<V, F, R>) {
  return route(
    {
      name: t.action,
      perm: "console.read",
      query: z.object({ tenantId: urlId() }).and(t.search),
      tenant: ({ query }) => query.tenantId,
    },
    async ({ query }, { staff, meta, found }) => {
      const { tenantId } = query;
      const tenantName = found((await tenantNames(db(), [tenantId])).get(tenantId), { type: "tenant", id: tenantId });
      const state = tableState<V["sort"]>(query);
      const filter = await t.filter(query, db(), tenantId);
      await recordExport(db(), staff, meta, {
        action: t.action,
        tenantId,
        vendor: t.vendor,
        target: { type: t.name.replaceAll("-", "_"), id: tenantId, label: tenantName },
        filter: { q: state.q, sort: state.sort, dir: state.dir, ...filter },
      });
      const pages = csvFromPages(t.header, async (page, size) =>
        (await t.page(db(), tenantId, { ...state, page, size }, filter)).rows.map(t.cells),
      );
      return csvDownload(t.name, t.header, pages);
    },
  );
}
