"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TwingateUserRow } from "@/lib/twingate/queries";
import { renameTwingateUser } from "@/lib/twingate/user-actions";

/** A user's name; for an operator it opens the rename, whose first and last name are typed inside the confirmation. */
export function NameCell({
  tenantId,
  user,
  canOperate,
}: {
  tenantId: string;
  user: TwingateUserRow;
  canOperate: boolean;
}) {
  const { run } = useRunAction();
  const [first, setFirst] = useState(user.firstName ?? "");
  const [last, setLast] = useState(user.lastName ?? "");
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  const shown = name || <span className="text-muted-foreground">—</span>;
  // The name itself opens the rename: the table keeps its width.
  if (!canOperate) return <span>{shown}</span>;
  return (
    <ConfirmDialog
      title={`Rename ${user.email}`}
      confirmLabel="Rename"
      description={
        user.type === "SYNCED"
          ? "This user is synced from your identity provider: its next sync puts the provider's name back."
          : "The name Twingate shows for this user."
      }
      onOpenChange={(o) => {
        if (o) {
          setFirst(user.firstName ?? "");
          setLast(user.lastName ?? "");
        }
      }}
      trigger={
        <button
          type="button"
          className="text-left underline-offset-4 hover:underline"
          title="Rename"
          data-testid="user-rename-open"
          aria-label={`Rename ${user.email}${name ? ` (${name})` : ""}`}
        >
          {shown}
        </button>
      }
      onConfirm={async () =>
        (
          await run(
            renameTwingateUser,
            { tenantId, userId: user.vendorId, firstName: first, lastName: last },
            { success: (d) => `Twingate: ${d.email ?? "the user"} is now ${d.name}.`, undo: true },
          )
        ).ok
      }
    >
      <Field id={`tg-first-${user.vendorId}`} label="First name">
        <Input
          id={`tg-first-${user.vendorId}`}
          value={first}
          maxLength={100}
          onChange={(e) => setFirst(e.target.value)}
          data-testid="user-first-name"
        />
      </Field>
      <Field id={`tg-last-${user.vendorId}`} label="Last name">
        <Input
          id={`tg-last-${user.vendorId}`}
          value={last}
          maxLength={100}
          onChange={(e) => setLast(e.target.value)}
          data-testid="user-last-name"
        />
      </Field>
    </ConfirmDialog>
  );
}
