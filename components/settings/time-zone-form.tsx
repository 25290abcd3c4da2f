"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { When } from "@/components/ui/when";
import { setOwnTimeZone } from "@/lib/staff/time-zone-actions";

export function TimeZoneForm({
  chosen,
  browserLabel,
  zones,
  now,
}: {
  chosen: string | null;
  browserLabel: string;
  zones: readonly string[];
  now: number;
}) {
  const [state, formAction, pending] = useActionForm(setOwnTimeZone, { success: "Time zone saved." });
  return (
    <form action={formAction} className="mt-4 grid gap-3">
      <Field
        id="timeZone"
        label="Time zone"
        hint={
          <>
            Page loaded at <When at={now} precision="second" /> in this zone.
          </>
        }
        errors={fieldErrors(state, "timeZone")}
      >
        {/* Keyed by the saved choice: React resets a form after its action; the page then shows what was saved. */}
        <Select key={chosen ?? ""} id="timeZone" name="timeZone" defaultValue={chosen ?? ""}>
          <option value="">{browserLabel}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Save time zone
      </Button>
    </form>
  );
}
