"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { undoOffboarding } from "@/lib/offboarding/actions";

/** Undoes every reversible step that succeeded and is not undone yet, last step first. */
export function UndoAllSteps({ tenantId, jobId, count }: { tenantId: string; jobId: string; count: number }) {
  const { run } = useRunAction();
  if (count === 0) return null;
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" data-testid="undo-all">
          Undo {count} reversible step{count === 1 ? "" : "s"}…
        </Button>
      }
      title={`Undo ${count} step${count === 1 ? "" : "s"} of this offboarding?`}
      description={
        "Each step's opposite runs, last step first: devices unblocked, groups and associations given back, MFA on, " +
        "then the users reactivated. Deleted TruU devices stay deleted."
      }
      confirmLabel={`Undo ${count} steps`}
      onConfirm={async () =>
        (
          await run(
            undoOffboarding,
            { tenantId, jobId },
            {
              success: (d) =>
                `Undone: ${d.undone} step${d.undone === 1 ? "" : "s"}` +
                (d.failed.length
                  ? `; ${d.failed.length} refused: ${d.failed.map((f) => `step ${f.line}: ${f.error}`).join("; ")}`
                  : "") +
                ".",
            },
          )
        ).ok
      }
    />
  );
}
