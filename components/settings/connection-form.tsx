"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TestConnectionButton } from "@/components/vendors/test-connection-button";
import { deleteVendorConnection, saveVendorConnection } from "@/lib/tenants/actions";
import type { ConnectionView } from "@/lib/tenants/connections";
import { type CONNECTION_FIELDS, VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";

export function ConnectionForm({
  tenantId,
  vendor,
  fields,
  connection,
}: {
  tenantId: string;
  vendor: VendorId;
  fields: (typeof CONNECTION_FIELDS)[VendorId];
  connection: ConnectionView | null;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionForm(saveVendorConnection, {
    success: `${VENDOR_LABEL[vendor]} connection saved.`,
  });
  const [deleting, startDelete] = useTransition();
  const id = (k: string) => `${vendor}-${k}`;
  return (
    <form action={formAction} className="mt-3 grid gap-3" aria-label={`${VENDOR_LABEL[vendor]} connection`}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="vendor" value={vendor} />
      <Field id={id("baseUrl")} label="Base URL" hint={fields.baseUrlHint} errors={fieldErrors(state, "baseUrl")}>
        <Input id={id("baseUrl")} name="baseUrl" type="url" defaultValue={connection?.baseUrl} required />
      </Field>
      {fields.settings.map((s) => (
        <Field key={s.key} id={id(s.key)} label={s.label} hint={s.hint} errors={fieldErrors(state, s.key)}>
          <Input id={id(s.key)} name={s.key} defaultValue={connection?.settings[s.key] ?? ""} required={s.required} />
        </Field>
      ))}
      {fields.secrets.map((s) => (
        <Field
          key={s.key}
          id={id(s.key)}
          label={s.label}
          errors={fieldErrors(state, s.key)}
          hint={connection ? "Stored encrypted. Leave empty to keep the stored value." : undefined}
        >
          <Input
            id={id(s.key)}
            name={s.key}
            type="password"
            autoComplete="off"
            required={!connection}
            placeholder={connection ? "unchanged" : undefined}
          />
        </Field>
      ))}
      {connection ? <p className="text-xs text-muted-foreground">Stored: {connection.credentialsHint}</p> : null}
      {connection ? <TestConnectionButton tenantId={tenantId} vendor={vendor} /> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {connection ? "Save" : "Connect"}
        </Button>
        {connection ? (
          <Button
            type="button"
            variant="outline"
            disabled={deleting}
            onClick={() => {
              if (!confirm(`Remove the ${VENDOR_LABEL[vendor]} connection? Its stored credentials are deleted.`))
                return;
              startDelete(async () => {
                const res = await deleteVendorConnection({ tenantId, vendor });
                if (res.ok) toast.success(`${VENDOR_LABEL[vendor]} connection removed.`);
                else toast.error(res.error);
                router.refresh();
              });
            }}
          >
            Remove
          </Button>
        ) : null}
      </div>
    </form>
  );
}
