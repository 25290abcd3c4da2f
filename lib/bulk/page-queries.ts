import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { pageWindow, type TableState } from "../table/params";
import type { BulkRowsSearch } from "./rows-search";

/** What the bulk page shows of a tenant: the vendors it is connected to (an upload's targets) and its latest jobs. */
export async function bulkPageData(db: Db, tenantId: string) {
  const [connections, jobs] = await Promise.all([
    db.vendorConnection.findMany({ where: { tenantId }, select: { vendor: true } }),
    db.bulkJob.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  return { connected: new Set(connections.map((c) => c.vendor)), jobs };
}

/** One page of a job's rows as its table asks (text, plan and status filters), and how many rows are left to send. */
export async function jobRowsPage(
  db: Db,
  jobId: string,
  state: TableState<BulkRowsSearch["sort"]>,
  filter: Pick<BulkRowsSearch, "plan" | "status">,
) {
  const q = state.q;
  const where: Prisma.BulkRowWhereInput = {
    jobId,
    ...(filter.plan ? { plan: filter.plan } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(q
      ? {
          OR: [
            { planError: { contains: q, mode: "insensitive" } },
            { vendorMessage: { contains: q, mode: "insensitive" } },
            { input: { string_contains: q } },
          ],
        }
      : {}),
  };
  const [rows, total, toSend] = await Promise.all([
    db.bulkRow.findMany({ where, orderBy: [{ [state.sort]: state.dir }, { line: "asc" }], ...pageWindow(state) }),
    db.bulkRow.count({ where }),
    db.bulkRow.count({ where: { jobId, status: "pending" } }),
  ]);
  return { rows, total, toSend };
}
