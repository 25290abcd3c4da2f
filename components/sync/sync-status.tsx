import { Badge } from "@/components/ui/badge";
import type { SyncRunView } from "@/lib/sync/queries";

const VARIANT = {
  queued: "default",
  running: "default",
  succeeded: "success",
  failed: "destructive",
  cancelled: "outline",
} as const;

export function SyncStatusBadge({ status }: { status: SyncRunView["status"] }) {
  return <Badge variant={VARIANT[status]}>{status}</Badge>;
}

export function duration(run: SyncRunView): string {
  if (!run.startedAt) return "—";
  const ms = new Date(run.finishedAt ?? Date.now()).getTime() - new Date(run.startedAt).getTime();
  return ms < 1000
    ? `${ms} ms`
    : ms < 60_000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Events a sync recorded for values changed at the vendor, not through the console. */
const driftText = (run: SyncRunView) => (run.driftEvents ? ` · ${run.driftEvents} changed outside the console` : "");

/**
 * A running sync's figures. Records count when they reach the cache: a vendor whose pages are gathered before they
 * are written (TruGrid's logon-IP report) has pages read and nothing saved yet, so the line says "saved", not "read".
 */
export function runningCounts(run: SyncRunView): string {
  const pages = `${run.pagesDone}${run.pagesTotal ? ` of ${run.pagesTotal}` : ""} pages read`;
  return `${pages} · ${run.fetched} saved · ${run.created} new · ${run.updated} changed${driftText(run)}`;
}

export function counts(run: SyncRunView): string {
  const removed = run.deletionsDeferred.map((r) => `${r.replaceAll("_", " ")}s`).join(", ");
  const deferred = removed ? ` · removed ${removed} left to the next run (the list changed while it was read)` : "";
  const figures = `${run.fetched} read · ${run.created} new · ${run.updated} changed · ${run.deleted} gone`;
  return `${figures}${driftText(run)}${deferred}`;
}
