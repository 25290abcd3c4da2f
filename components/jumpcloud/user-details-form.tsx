"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateUserDetails } from "@/lib/jumpcloud/user-actions";

const FIELDS = [
  { name: "email", label: "Email" },
  { name: "username", label: "Username" },
  { name: "firstname", label: "First name" },
  { name: "lastname", label: "Last name" },
  { name: "displayname", label: "Display name" },
  { name: "department", label: "Department" },
  { name: "jobTitle", label: "Job title" },
] as const;

export function UserDetailsForm({
  tenantId,
  userId,
  values,
  disabled,
}: {
  tenantId: string;
  userId: string;
  values: Record<string, string>;
  disabled: boolean;
}) {
  const [state, formAction, pending] = useActionForm(updateUserDetails, {
    success: (d) => `Saved in JumpCloud: ${d.changed.join(", ")}.`,
  });
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" data-testid="user-details-form">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="userId" value={userId} />
      {FIELDS.map((f) => (
        <Field key={f.name} id={`user-${f.name}`} label={f.label} errors={fieldErrors(state, f.name)}>
          <Input id={`user-${f.name}`} name={f.name} defaultValue={values[f.name] ?? ""} disabled={disabled} />
        </Field>
      ))}
      {disabled ? null : (
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save details"}
          </Button>
        </div>
      )}
    </form>
  );
}
