"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { saveSyncSchedule } from "@/lib/sync/actions";

export function ScheduleForm({
  tenantId,
  intervalMinutes,
  enabled,
}: {
  tenantId: string;
  intervalMinutes: number;
  enabled: boolean;
}) {
  const [state, formAction, pending] = useActionForm(saveSyncSchedule, { success: "Sync schedule saved." });
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field id="interval" label="Sync every (minutes)" errors={fieldErrors(state, "intervalMinutes")}>
        <Input
          id="interval"
          name="intervalMinutes"
          type="number"
          min={5}
          max={10080}
          defaultValue={intervalMinutes}
          className="w-32"
        />
      </Field>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="enabled" value="true" defaultChecked={enabled} /> On schedule
      </label>
      <Button type="submit" variant="outline" disabled={pending}>
        Save schedule
      </Button>
    </form>
  );
}
