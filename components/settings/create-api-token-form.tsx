"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createApiToken } from "@/lib/api-tokens/actions";
import { ROLES, type Role, roleAtLeast } from "@/lib/auth/permissions";
import { OneTimeSecret } from "./one-time-password";
import { RoleSelect } from "./role-select";
import { TenantCheckboxes } from "./tenant-checkboxes";

/** A new token: a name, a role up to the creator's, some of their tenants and an expiry. Its secret shows once. */
export function CreateApiTokenForm({ tenants, role }: { tenants: { id: string; name: string }[]; role: Role }) {
  const [state, formAction, pending] = useActionForm(createApiToken, { success: "API token created." });
  return (
    <form action={formAction} className="mt-3 grid gap-3" data-testid="create-api-token">
      <div className="grid gap-3 md:grid-cols-3">
        <Field
          id="token-name"
          label="Name"
          hint="What the script is, e.g. Ticketing sync."
          errors={fieldErrors(state, "name")}
        >
          <Input id="token-name" name="name" required />
        </Field>
        <Field id="token-role" label="Role" errors={fieldErrors(state, "role")}>
          <RoleSelect id="token-role" roles={ROLES.filter((r) => roleAtLeast(role, r))} defaultValue="viewer" />
        </Field>
        <Field id="token-days" label="Expires after (days)" errors={fieldErrors(state, "expiresInDays")}>
          <Input id="token-days" name="expiresInDays" type="number" min={1} max={366} defaultValue={90} required />
        </Field>
      </div>
      <TenantCheckboxes idPrefix="token-tenant" tenants={tenants} checked={[]} />
      {fieldErrors(state, "tenantIds")?.map((e) => (
        <p key={e} className="text-xs text-destructive" role="alert">
          {e}
        </p>
      ))}
      <Button type="submit" disabled={pending} className="justify-self-start">
        Create token
      </Button>
      {state?.ok ? (
        <OneTimeSecret
          secret={state.data.token}
          says="The token, shown only now: store it in the script's secret store. It cannot be shown again."
          testId="new-api-token"
        />
      ) : null}
    </form>
  );
}
