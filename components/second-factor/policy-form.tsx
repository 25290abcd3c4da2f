"use client";
import { useState } from "react";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { SecondFactorPolicy, SecondFactorScope } from "@/lib/second-factor/policy";
import { saveSecondFactorPolicy } from "@/lib/staff/second-factor-actions";

const SCOPES: { value: SecondFactorScope; label: string }[] = [
  { value: "none", label: "Optional for everyone" },
  { value: "all", label: "Required for every staff user" },
  { value: "roles", label: "Required for these roles:" },
];

export function PolicyForm({ policy }: { policy: SecondFactorPolicy }) {
  const [scope, setScope] = useState<SecondFactorScope>(policy.scope);
  const [state, formAction, pending] = useActionForm(saveSecondFactorPolicy, {
    success: "Second factor requirement saved.",
  });
  const roleErrors = fieldErrors(state, "roles");
  return (
    <form action={formAction} className="mt-4 grid gap-3">
      <fieldset className="grid gap-2">
        <legend className="sr-only">Who must use a second factor</legend>
        {SCOPES.map((s) => (
          <label key={s.value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="scope"
              value={s.value}
              checked={scope === s.value}
              onChange={() => setScope(s.value)}
            />{" "}
            {s.label}
          </label>
        ))}
        <fieldset className="ml-6 flex min-w-0 flex-wrap gap-4" aria-label="Roles that must use a second factor">
          {ROLES.map((r: Role) => (
            <label
              key={r}
              className="flex items-center gap-2 text-sm aria-disabled:opacity-50"
              aria-disabled={scope !== "roles"}
            >
              <input
                type="checkbox"
                name="roles[]"
                value={r}
                defaultChecked={policy.roles.includes(r)}
                disabled={scope !== "roles"}
              />{" "}
              {r}
            </label>
          ))}
        </fieldset>
        {roleErrors?.map((e) => (
          <p key={e} role="alert" className="ml-6 text-xs text-destructive">
            {e}
          </p>
        ))}
      </fieldset>
      <p className="text-xs text-muted-foreground">
        Applies at the next password sign-in: whoever it covers without a factor must set one up first. Single sign-on
        is left to the identity provider.
      </p>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Save requirement
      </Button>
    </form>
  );
}
