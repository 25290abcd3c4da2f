"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ItemResults, type ShownResult } from "@/components/trugrid/item-results";
import { UserActions as TruGridUserActions } from "@/components/trugrid/user-actions";
import { type DeletableDevice, DeleteDevices } from "@/components/truu/delete-devices";
import { Button } from "@/components/ui/button";
import { setTwingateUserState } from "@/lib/twingate/user-actions";

/** TruGrid's MFA and UDP actions for this one person, with TruGrid's per-item answer shown below. */
export function PersonTruGridActions({ tenantId, upn }: { tenantId: string; upn: string }) {
  const [result, setResult] = useState<ShownResult | null>(null);
  return (
    <div className="space-y-2" data-testid="person-trugrid-actions">
      <TruGridUserActions tenantId={tenantId} upns={[upn]} label={`TruGrid actions for ${upn}`} onResult={setResult} />
      <ItemResults result={result} onClose={() => setResult(null)} />
    </div>
  );
}

/** Disable or enable the person's Twingate user, with Undo in the toast. */
export function PersonTwingateState({
  tenantId,
  userId,
  email,
  state,
}: {
  tenantId: string;
  userId: string;
  email: string;
  state: string;
}) {
  const { run, pending } = useRunAction();
  if (state !== "ACTIVE" && state !== "DISABLED") return null;
  const disable = state === "ACTIVE";
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      data-testid="person-twingate-state"
      onClick={() =>
        void run(
          setTwingateUserState,
          { tenantId, userId, state: disable ? "DISABLED" : "ACTIVE" },
          {
            success: (d) => `Twingate: ${d.email} is now ${d.state.toLowerCase()}.`,
            undo: true,
          },
        )
      }
    >
      {disable ? "Disable" : "Enable"} in Twingate <span className="sr-only">{email}</span>
    </Button>
  );
}

/** Delete the person's TruU devices (all listed, after a confirmation naming each). */
export function PersonTruuDeletes({ tenantId, devices }: { tenantId: string; devices: DeletableDevice[] }) {
  return <DeleteDevices tenantId={tenantId} devices={devices} />;
}
