"use client";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { saveDomainAliases } from "@/lib/people/actions";

const textarea =
  "min-h-24 w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-sm " +
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** The tenant's equivalent UPN domains, one `alias = main` a line; saving re-links the tenant's people at once. */
export function DomainAliasesForm({ tenantId, text, canEdit }: { tenantId: string; text: string; canEdit: boolean }) {
  const [state, formAction, pending] = useActionForm(saveDomainAliases, {
    success: (d) => `Domain aliases saved (${d.aliases}); people re-linked.`,
  });
  return (
    <form action={formAction} className="mt-3 grid gap-3" data-testid="domain-aliases-form">
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field
        id="domain-aliases"
        label="Equivalent UPN domains"
        errors={fieldErrors(state, "aliases")}
        hint={
          <>
            One a line: <code>alias.domain = main.domain</code>, e.g.{" "}
            <code>northwind.onmicrosoft.com = northwind.example</code>. A user at the alias domain is the same person as
            the same name at the main domain.
          </>
        }
      >
        <textarea
          id="domain-aliases"
          name="aliases"
          className={textarea}
          defaultValue={text}
          readOnly={!canEdit}
          data-testid="domain-aliases"
          aria-describedby={fieldErrors(state, "aliases") ? "domain-aliases-error" : undefined}
        />
      </Field>
      {canEdit ? (
        <div>
          <Button type="submit" variant="outline" disabled={pending}>
            Save aliases
          </Button>
        </div>
      ) : null}
    </form>
  );
}
