"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { Density } from "@/lib/auth/staff";
import { setOwnDensity } from "@/lib/staff/density-actions";

/** Settings: comfortable or compact tables, for the signed-in staff member only. */
export function DensityCard({ chosen }: { chosen: Density }) {
  const [state, formAction, pending] = useActionForm(setOwnDensity, { success: "Table density saved." });
  return (
    <Card data-testid="density-card">
      <CardTitle>Table density</CardTitle>
      <CardDescription>
        Compact fits about a third more rows on a screen: one line per row, long names cut short (hover for the whole
        name).
      </CardDescription>
      <form action={formAction} className="mt-4 grid gap-3">
        <Field id="density" label="Rows" errors={fieldErrors(state, "density")}>
          {/* Keyed by the saved choice: React resets a form after its action; the page then shows what was saved. */}
          <Select key={chosen} id="density" name="density" defaultValue={chosen}>
            <option value="comfortable">Comfortable</option>
            <option value="compact">Compact</option>
          </Select>
        </Field>
        <Button type="submit" disabled={pending} className="justify-self-start">
          Save density
        </Button>
      </form>
    </Card>
  );
}
