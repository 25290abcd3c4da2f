"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { bulkJobResults, type JobResultRow } from "@/lib/jumpcloud/bulk-results";

/** Polls JumpCloud for a bulk job's results until every item has finished or failed, then shows them per user. */
export function BulkJobResults({ tenantId, jobId }: { tenantId: string; jobId: string }) {
  const router = useRouter();
  const [rows, setRows] = useState<JobResultRow[] | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refreshed = useRef(false);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (delay: number) => {
      const res = await bulkJobResults({ tenantId, jobId }).catch(() => ({
        ok: false as const,
        error: "The console could not be reached.",
      }));
      if (stop) return;
      if (!res.ok) setError(res.error);
      else {
        setError(null);
        setRows(res.data.rows);
        if (res.data.done) {
          setDone(true);
          // The job has refreshed the cached users it touched: show them.
          if (!refreshed.current) {
            refreshed.current = true;
            router.refresh();
          }
          return;
        }
      }
      timer = setTimeout(() => void poll(Math.min(delay * 1.5, 10_000)), delay);
    };
    void poll(1_000);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [tenantId, jobId, router]);

  const failed = rows?.filter((r) => r.status !== "finished" && r.status !== "pending").length ?? 0;
  return (
    <div className="space-y-2" data-testid={`job-results-${jobId}`} aria-live="polite">
      <p className="text-sm">
        {error ? (
          <span className="text-destructive">{error}</span>
        ) : !done ? (
          <span data-testid="job-status">
            Waiting for JumpCloud to run the job…{rows?.length ? ` ${rows.length} result(s) so far.` : ""}
          </span>
        ) : (
          <span data-testid="job-status">
            Done: {rows!.length - failed} finished, {failed} failed.
          </span>
        )}
      </p>
      {rows && rows.length > 0 ? (
        <ul className="divide-y rounded-md border text-sm">
          {rows.map((r, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a job's results have no id of their own and never reorder
              key={`${r.userId ?? ""}-${i}`}
              className="flex items-center justify-between gap-2 px-3 py-1.5"
              data-testid="job-result"
            >
              <span className="font-mono text-xs">{r.label ?? r.userId ?? "—"}</span>
              <span className="flex items-center gap-2">
                <span className="text-muted-foreground">{r.statusMsg}</span>
                <Badge
                  variant={r.status === "finished" ? "success" : r.status === "pending" ? "default" : "destructive"}
                >
                  {r.status}
                </Badge>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
