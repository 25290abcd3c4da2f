"use client";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { setChangeReasonPolicy } from "@/lib/tenants/actions";

/** Whether every change in the tenant must carry a reason or ticket number. */
export function ChangeReasonPolicyForm({
  tenantId,
  required,
  canEdit,
}: {
  tenantId: string;
  required: boolean;
  canEdit: boolean;
}) {
  const [checked, setChecked] = useState(required);
  const [, formAction, pending] = useActionForm(setChangeReasonPolicy, {
    success: (d) => (d.required ? "Every change now needs a reason." : "A reason is now optional."),
  });
  return (
    <form action={formAction} className="mt-3 grid gap-3" data-testid="change-reason-policy">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="required" value={String(checked)} />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4"
          checked={checked}
          disabled={!canEdit}
          onChange={(e) => setChecked(e.target.checked)}
          data-testid="require-change-reason"
        />
        <span>
          Require a reason or ticket number with every change
          <span className="block text-xs text-muted-foreground">
            Changes at a vendor, bulk jobs and offboarding are refused without one. Staff type it in the header; it is
            kept on each change's audit event and can be searched and exported.
          </span>
        </span>
      </label>
      {canEdit ? (
        <div>
          <Button type="submit" variant="outline" disabled={pending || checked === required}>
            Save
          </Button>
        </div>
      ) : null}
    </form>
  );
}
