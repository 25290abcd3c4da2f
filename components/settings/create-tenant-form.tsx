"use client";
import { useRouter } from "next/navigation";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createTenant } from "@/lib/tenants/actions";

export function CreateTenantForm() {
  const router = useRouter();
  const [state, formAction, pending] = useActionForm(createTenant, {
    success: "Tenant created.",
    onSuccess: ({ id }) => router.push(`/settings/tenants/${id}`),
  });
  return (
    <form action={formAction} className="mt-3 grid gap-3">
      <Field id="tenant-name" label="Name" errors={fieldErrors(state, "name")}>
        <Input id="tenant-name" name="name" required minLength={2} maxLength={100} />
      </Field>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Create tenant
      </Button>
    </form>
  );
}
