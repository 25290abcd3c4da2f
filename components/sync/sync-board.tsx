"use client";
import { useQuery } from "@tanstack/react-query";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { syncNow } from "@/lib/sync/actions";
import type { SyncOverview } from "@/lib/sync/queries";
import { VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";
import { counts, duration, runningCounts, SyncStatusBadge } from "./sync-status";

async function fetchOverview(tenantId: string): Promise<SyncOverview> {
  const res = await fetch(`/api/sync/runs?tenantId=${encodeURIComponent(tenantId)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/** Each vendor's latest run with a live progress bar, "Sync now", and the run history; polls while anything runs. */
export function SyncBoard({ tenantId, initial, canRun }: { tenantId: string; initial: SyncOverview; canRun: boolean }) {
  const { data, refetch } = useQuery({
    queryKey: ["sync", tenantId],
    queryFn: () => fetchOverview(tenantId),
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data?.history.some((r) => r.status === "queued" || r.status === "running") ? 1000 : 15_000,
  });
  const [pending, start] = useTransition();
  const run = (vendor: VendorId) =>
    start(async () => {
      const res = await syncNow({ tenantId, vendor });
      if (!res.ok) toast.error(res.error);
      else
        toast.success(
          res.data.joined
            ? `A ${VENDOR_LABEL[vendor]} sync is already queued.`
            : `${VENDOR_LABEL[vendor]} sync queued.`,
        );
      await refetch();
    });

  return (
    <div className="grid gap-6">
      {data.vendors.length === 0 ? (
        <p className="text-sm text-muted-foreground">This tenant has no vendor connections to sync.</p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {data.vendors.map(({ vendor, latest, lastSuccess }) => {
          const active = latest && (latest.status === "queued" || latest.status === "running");
          const fraction = latest?.pagesTotal ? latest.pagesDone / latest.pagesTotal : null;
          return (
            <Card key={vendor} data-testid={`sync-card-${vendor}`}>
              <div className="flex items-center justify-between gap-2">
                <CardTitle>{VENDOR_LABEL[vendor]}</CardTitle>
                {latest ? <SyncStatusBadge status={latest.status} /> : null}
              </div>
              <CardDescription>
                {lastSuccess ? (
                  <>
                    Last synced <When at={lastSuccess} />
                  </>
                ) : (
                  "Never synced"
                )}
              </CardDescription>
              {active ? (
                <div className="mt-3 grid gap-1">
                  <Progress
                    value={latest.status === "queued" ? null : fraction}
                    label={`${VENDOR_LABEL[vendor]} sync progress`}
                  />
                  <p className="text-xs text-muted-foreground">
                    {latest.status === "queued"
                      ? "Waiting for a worker…"
                      : `${latest.phase ?? "starting"}: ${runningCounts(latest)}`}
                  </p>
                </div>
              ) : latest ? (
                <p className="mt-3 text-xs text-muted-foreground" data-testid={`sync-summary-${vendor}`}>
                  {latest.status === "failed" ? (
                    <span className="text-destructive">
                      Failed (attempt {latest.attempt}): {latest.error}
                    </span>
                  ) : (
                    counts(latest)
                  )}
                </p>
              ) : null}
              {canRun ? (
                <Button size="sm" className="mt-3" disabled={pending || !!active} onClick={() => run(vendor)}>
                  Sync now
                </Button>
              ) : null}
            </Card>
          );
        })}
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">History</h2>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Queued</TableHead>
              <TableHead>Vendor</TableHead>
              <TableHead>Trigger</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Duration</TableHead>
              <TableHead>Pages</TableHead>
              <TableHead>Rows</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.history.map((r) => (
              <TableRow key={r.id} data-testid="sync-history-row">
                <TableCell className="whitespace-nowrap font-mono text-xs">
                  <When at={r.queuedAt} precision="second" />
                </TableCell>
                <TableCell>{VENDOR_LABEL[r.vendor]}</TableCell>
                <TableCell className="text-xs">{r.trigger.startsWith("manual") ? "manual" : r.trigger}</TableCell>
                <TableCell>
                  <SyncStatusBadge status={r.status} />
                  {r.attempt > 1 ? (
                    <span className="ml-1 text-xs text-muted-foreground">attempt {r.attempt}</span>
                  ) : null}
                </TableCell>
                <TableCell className="text-xs">{duration(r)}</TableCell>
                <TableCell className="text-xs">{r.pagesDone}</TableCell>
                <TableCell className="text-xs">
                  {r.error ? <span className="text-destructive">{r.error}</span> : counts(r)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
