"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Role } from "@/lib/auth/permissions";
import { createStaff } from "@/lib/staff/actions";
import { OneTimePassword } from "./one-time-password";
import { RoleSelect } from "./role-select";
import { TenantCheckboxes } from "./tenant-checkboxes";

export function CreateStaffForm({
  tenants,
  roles,
}: {
  tenants: { id: string; name: string }[];
  roles: readonly Role[];
}) {
  const [state, formAction, pending] = useActionForm(createStaff, { success: "Staff user created." });
  return (
    <form action={formAction} className="mt-3 grid gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="new-name" label="Name" errors={fieldErrors(state, "name")}>
          <Input id="new-name" name="name" required />
        </Field>
        <Field id="new-email" label="Email" errors={fieldErrors(state, "email")}>
          <Input id="new-email" name="email" type="email" required />
        </Field>
        <Field id="new-role" label="Role" errors={fieldErrors(state, "role")}>
          <RoleSelect id="new-role" roles={roles} />
        </Field>
        <Field
          id="new-password"
          label="Password (optional)"
          hint="Leave empty to generate one, shown once."
          errors={fieldErrors(state, "password")}
        >
          <Input id="new-password" name="password" type="password" autoComplete="new-password" minLength={12} />
        </Field>
      </div>
      <TenantCheckboxes idPrefix="new-tenant" tenants={tenants} checked={[]} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        Add staff user
      </Button>
      {state?.ok && state.data.generatedPassword ? <OneTimePassword password={state.data.generatedPassword} /> : null}
    </form>
  );
}
