"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { cancelBulkJob, retryFailedRows } from "@/lib/bulk/actions";
import type { BulkJobView } from "@/lib/bulk/queries";

const ACTIVE = ["queued", "running", "cancelling"];

/** A count as the console writes numbers: with thousands separators. */
const count = (n: number) => n.toLocaleString("en");

function eta(seconds: number | null): string {
  if (seconds === null) return "";
  return seconds < 60 ? `about ${seconds} s left` : `about ${Math.round(seconds / 60)} min left`;
}

/** The live part of a job page: progress while it runs (polled), then cancel / retry / downloads. */
export function JobLive({
  tenantId,
  initial,
  canApply,
}: {
  tenantId: string;
  initial: BulkJobView;
  canApply: boolean;
}) {
  const router = useRouter();
  const { run, pending } = useRunAction();
  const { data } = useQuery({
    queryKey: ["bulk-job", initial.id],
    initialData: initial,
    refetchInterval: (q) => (ACTIVE.includes(q.state.data?.status ?? "") ? 1000 : false),
    queryFn: async () => {
      const res = await fetch(`/api/bulk/${initial.id}/progress`, { cache: "no-store" });
      if (!res.ok) throw new Error(`progress ${res.status}`);
      return (await res.json()) as BulkJobView;
    },
  });
  const job = data ?? initial;
  const wasActive = useRef(ACTIVE.includes(initial.status));
  // When the job finishes, refresh the server-rendered rows below.
  useEffect(() => {
    if (wasActive.current && !ACTIVE.includes(job.status)) router.refresh();
    wasActive.current = ACTIVE.includes(job.status);
  }, [job.status, router]);

  const c = job.counts;
  const toSend = c.succeeded + c.failed + c.unknown + c.pending + c.sending + c.cancelled;
  const done = c.succeeded + c.failed + c.unknown;
  const retryable = c.failed + c.unknown + c.cancelled;
  // Rows the plan found invalid were never sent, but they failed all the same: the count says so.
  const invalid = job.planCounts.error ?? 0;
  const active = ACTIVE.includes(job.status);
  return (
    <div className="space-y-3" data-testid="bulk-live">
      <Progress value={toSend ? done / toSend : null} label="Rows sent" />
      <p className="text-sm" data-testid="bulk-progress">
        <span className="font-medium">{job.status}</span> · {count(done)} of {count(toSend)} done ·{" "}
        <span className="text-success">{count(c.succeeded)} succeeded</span> ·{" "}
        <span className="text-destructive" data-testid="bulk-failed">
          {count(c.failed + invalid)} failed
          {invalid ? ` (${count(invalid)} invalid in the file, not sent)` : ""}
        </span>
        {c.unknown ? (
          <>
            {" "}
            · <span className="text-warning">{c.unknown} unknown</span>
          </>
        ) : null}
        {c.cancelled ? <> · {c.cancelled} cancelled</> : null} · {count(c.pending + c.sending)} left{" "}
        {active ? eta(job.etaSeconds) : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        {canApply && active && !job.cancelRequested ? (
          <Button
            variant="outline"
            disabled={pending}
            onClick={() =>
              void run(
                cancelBulkJob,
                { tenantId, jobId: job.id },
                { success: "Cancelling: the chunk in flight finishes, nothing more is sent." },
              )
            }
          >
            Cancel
          </Button>
        ) : null}
        {canApply && !active && job.status !== "planned" && retryable > 0 ? (
          <Button
            disabled={pending}
            data-testid="retry-failed"
            onClick={() =>
              void run(
                retryFailedRows,
                { tenantId, jobId: job.id },
                { success: (d) => `Retrying ${d.rows} row${d.rows === 1 ? "" : "s"}.` },
              )
            }
          >
            Retry {retryable} failed row{retryable === 1 ? "" : "s"}
          </Button>
        ) : null}
        {job.status !== "planned" ? (
          <>
            <Button asChild variant="outline">
              <a href={`/api/bulk/${job.id}/results`} download data-testid="download-results">
                Results CSV
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href={`/api/bulk/${job.id}/results?only=failed`} download data-testid="download-failed">
                Failed rows CSV
              </a>
            </Button>
          </>
        ) : null}
      </div>
    </div>
  );
}
