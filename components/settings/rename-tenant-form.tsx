"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { renameTenant } from "@/lib/tenants/actions";

export function RenameTenantForm({ tenantId, name }: { tenantId: string; name: string }) {
  const [state, formAction, pending] = useActionForm(renameTenant, { success: "Tenant renamed." });
  return (
    <form action={formAction} className="mt-3 flex items-end gap-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="flex-1">
        <Field id="rename" label="Tenant name" errors={fieldErrors(state, "name")}>
          <Input id="rename" name="name" defaultValue={name} required minLength={2} maxLength={100} />
        </Field>
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        Rename
      </Button>
    </form>
  );
}
