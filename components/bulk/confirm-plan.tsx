"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { confirmBulkJob } from "@/lib/bulk/actions";

/** The one step that sends anything: states the counts; a destructive plan over 10 rows needs the row count typed. */
export function ConfirmPlan({
  tenantId,
  jobId,
  label,
  toSend,
  counts,
  destructive,
}: {
  tenantId: string;
  jobId: string;
  label: string;
  toSend: number;
  counts: Record<string, number>;
  destructive: boolean;
}) {
  const { run } = useRunAction();
  const [open, setOpen] = useState(false);
  const typed = destructive && toSend > 10 ? String(toSend) : undefined;
  if (toSend === 0)
    return (
      <p className="text-sm text-muted-foreground">
        Nothing to send: every row is an error or needs no change. Fix the file and upload it again.
      </p>
    );
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant={destructive ? "destructive" : "default"} data-testid="confirm-plan">
          Apply {toSend.toLocaleString("en")} row{toSend === 1 ? "" : "s"}…
        </Button>
      }
      title={`${label}: apply ${toSend.toLocaleString("en")} row${toSend === 1 ? "" : "s"}?`}
      description="Rows are sent in chunks by a background job; you can follow its progress and cancel it."
      confirmLabel={`Apply ${toSend.toLocaleString("en")} rows`}
      reasonHint="Kept with the job and on every row's audit event."
      destructive={destructive}
      typeToConfirm={typed}
      onConfirm={async () => {
        const res = await run(
          confirmBulkJob,
          { tenantId, jobId, typedCount: typed },
          { success: "Applying: follow the progress below." },
        );
        return res.ok;
      }}
    >
      <ul className="list-disc pl-5">
        <li>
          {counts.create ?? 0} to create, {counts.update ?? 0} to change
        </li>
        <li>
          {counts.no_change ?? 0} need no change and {counts.error ?? 0} have errors: these are not sent
        </li>
        {destructive ? <li className="text-destructive">This cannot be undone.</li> : null}
      </ul>
    </ConfirmDialog>
  );
}
