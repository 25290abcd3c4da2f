"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { confirmOffboarding } from "@/lib/offboarding/actions";

export interface StepCount {
  label: string;
  count: number;
  undoable: boolean;
}

/**
 * Confirms an offboarding plan: says each step and how many of it, which cannot be undone, and needs the count typed.
 */
export function ConfirmOffboarding({
  tenantId,
  jobId,
  toSend,
  steps,
  people,
}: {
  tenantId: string;
  jobId: string;
  toSend: number;
  steps: StepCount[];
  people: number;
}) {
  const { run } = useRunAction();
  const [open, setOpen] = useState(false);
  if (toSend === 0)
    return (
      <p className="text-sm text-muted-foreground">Nothing to send: every step is already done or has an error.</p>
    );
  const irreversible = steps.filter((s) => !s.undoable && s.count > 0);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="destructive" data-testid="confirm-plan">
          Offboard: apply {toSend} step{toSend === 1 ? "" : "s"}…
        </Button>
      }
      title={
        `Offboard ${people} ${people === 1 ? "person" : "people"}: ` + `apply ${toSend} step${toSend === 1 ? "" : "s"}?`
      }
      description="The steps run in this order by a background job; each step's result shows on this page."
      confirmLabel={`Apply ${toSend} steps`}
      reasonHint="Kept with the job and on every step's audit event."
      destructive
      typeToConfirm={String(toSend)}
      onConfirm={async () =>
        (
          await run(
            confirmOffboarding,
            { tenantId, jobId, typedCount: String(toSend) },
            { success: "Offboarding: follow each step below." },
          )
        ).ok
      }
    >
      <ol className="list-decimal space-y-0.5 pl-5" data-testid="confirm-steps">
        {steps
          .filter((s) => s.count > 0)
          .map((s) => (
            <li key={s.label}>
              {s.label}: {s.count}
              {s.undoable ? "" : " (cannot be undone)"}
            </li>
          ))}
      </ol>
      {irreversible.length ? (
        <p className="mt-2 text-destructive">
          {irreversible.map((s) => `${s.label} (${s.count})`).join(", ")}: cannot be undone.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
