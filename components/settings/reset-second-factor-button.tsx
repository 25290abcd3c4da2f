"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { resetSecondFactor } from "@/lib/staff/second-factor-actions";

/** For a staff user who lost their phone or key: removes every second factor and signs them out. */
export function ResetSecondFactorButton({ staff }: { staff: { id: string; email: string } }) {
  const { run, pending } = useRunAction();
  return (
    <ConfirmDialog
      reason={false}
      trigger={
        <Button type="button" variant="outline" disabled={pending}>
          Reset second factor
        </Button>
      }
      title={`Reset ${staff.email}'s second factor`}
      description="Their authenticator app, passkeys and recovery codes are removed and their open sessions end."
      confirmLabel="Reset second factor"
      destructive
      onConfirm={async () =>
        (await run(resetSecondFactor, { staffId: staff.id }, { success: "Second factor reset; they are signed out." }))
          .ok
      }
    >
      If a second factor is required for their role they set up a new one at their next sign-in, so whoever knows their
      password then could do it instead: confirm who asked, and tell them to sign in right away.
    </ConfirmDialog>
  );
}
