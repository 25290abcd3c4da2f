import "server-only";
import type { Staff } from "../auth/staff";
import { db } from "../db";
import { DEFAULT_SYNC_INTERVAL_MINUTES } from "../jobs/schedule-syncs";
import type { VendorId } from "../vendors/connection-fields";

export interface SyncRunView {
  id: string;
  vendor: VendorId;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  trigger: string;
  attempt: number;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  phase: string | null;
  pagesDone: number;
  pagesTotal: number | null;
  fetched: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  driftEvents: number;
  /**
   * Resources whose removals this run left to the next one, because their
   * list changed while it was read (a record a shifted page skipped is not gone).
   */
  deletionsDeferred: string[];
  error: string | null;
}

/** The resources a run's detail (one entry of figures per cache table) says were read while their list moved. */
export function deferredResources(detail: unknown): string[] {
  if (!detail || typeof detail !== "object") return [];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, figures]) => typeof (figures as { deletionsDeferred?: unknown } | null)?.deletionsDeferred === "string")
    .map(([resource]) => resource);
}

export interface SyncOverview {
  vendors: { vendor: VendorId; latest: SyncRunView | null; lastSuccess: string | null }[];
  history: SyncRunView[];
  schedule: { intervalMinutes: number; enabled: boolean };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The Sync page's data for one tenant; null when the tenant is not in the staff user's scope. */
export async function syncOverview(staff: Staff, tenantId: string): Promise<SyncOverview | null> {
  if (!staff.tenantIds.includes(tenantId)) return null;
  const [connections, history, schedule] = await Promise.all([
    db().vendorConnection.findMany({ where: { tenantId }, select: { vendor: true }, orderBy: { vendor: "asc" } }),
    db().syncRun.findMany({ where: { tenantId }, orderBy: { queuedAt: "desc" }, take: 40 }),
    db().syncSchedule.findUnique({ where: { tenantId } }),
  ]);
  const view = (r: (typeof history)[number]): SyncRunView => ({
    id: r.id,
    vendor: r.vendor,
    status: r.status,
    trigger: r.trigger,
    attempt: r.attempt,
    queuedAt: r.queuedAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    phase: r.phase,
    pagesDone: r.pagesDone,
    pagesTotal: r.pagesTotal,
    fetched: r.fetched,
    created: r.created,
    updated: r.updated,
    deleted: r.deleted,
    unchanged: r.unchanged,
    driftEvents: r.driftEvents,
    deletionsDeferred: deferredResources(r.detail),
    error: r.error,
  });
  const lastSuccess = await Promise.all(
    connections.map((c) =>
      db().syncRun.findFirst({
        where: { tenantId, vendor: c.vendor, status: "succeeded" },
        orderBy: { finishedAt: "desc" },
        select: { finishedAt: true },
      }),
    ),
  );
  return {
    vendors: connections.map((c, i) => {
      const latest = history.find((r) => r.vendor === c.vendor);
      return {
        vendor: c.vendor,
        latest: latest ? view(latest) : null,
        lastSuccess: iso(lastSuccess[i]?.finishedAt ?? null),
      };
    }),
    history: history.map(view),
    schedule: {
      intervalMinutes: schedule?.intervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES,
      enabled: schedule?.enabled ?? true,
    },
  };
}
