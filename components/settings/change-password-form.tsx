"use client";
import { signOut } from "next-auth/react";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changeOwnPassword } from "@/lib/staff/actions";

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionForm(changeOwnPassword, {
    success: "Password changed. Sign in again with the new one.",
    onSuccess: () => void signOut({ redirectTo: "/login" }),
  });
  return (
    <form action={formAction} className="mt-4 grid gap-3">
      <Field id="current" label="Current password" errors={fieldErrors(state, "current")}>
        <Input id="current" name="current" type="password" autoComplete="current-password" required />
      </Field>
      <Field id="next" label="New password" hint="At least 12 characters." errors={fieldErrors(state, "next")}>
        <Input id="next" name="next" type="password" autoComplete="new-password" required minLength={12} />
      </Field>
      <Field id="confirm" label="New password again" errors={fieldErrors(state, "confirm")}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Change password
      </Button>
    </form>
  );
}
