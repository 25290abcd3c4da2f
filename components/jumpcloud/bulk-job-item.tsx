"use client";
import { type ReactNode, useState } from "react";
import { BulkJobResults } from "./bulk-job-results";

/** One recent job; its results are read from JumpCloud only while it is open. */
export function BulkJobItem({
  tenantId,
  jobId,
  initiallyOpen,
  summary,
  fallback,
}: {
  tenantId: string;
  jobId: string | null;
  initiallyOpen: boolean;
  summary: ReactNode;
  fallback: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm">{summary}</summary>
      <div className="mt-2">{open && jobId ? <BulkJobResults tenantId={tenantId} jobId={jobId} /> : fallback}</div>
    </details>
  );
}
