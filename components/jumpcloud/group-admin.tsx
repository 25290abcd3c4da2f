"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deleteGroup, updateGroup } from "@/lib/jumpcloud/group-actions";

type Kind = "user_group" | "system_group";
const KIND_LABEL: Record<Kind, string> = { user_group: "user group", system_group: "system group" };

/** A group's rename (name and description, undoable) and, for admins, its delete. */
export function GroupAdmin({
  tenantId,
  kind,
  groupId,
  name,
  description,
  members,
  canDelete,
}: {
  tenantId: string;
  kind: Kind;
  groupId: string;
  name: string;
  description: string;
  members: number;
  canDelete: boolean;
}) {
  const { run } = useRunAction();
  const router = useRouter();
  const [next, setNext] = useState({ name, description });
  return (
    <div className="flex gap-2">
      <ConfirmDialog
        title={`Rename the ${KIND_LABEL[kind]} ${name}`}
        confirmLabel="Save"
        description="Its members and bindings stay as they are."
        onOpenChange={(o) => {
          if (o) setNext({ name, description });
        }}
        trigger={
          <Button variant="outline" data-testid="group-rename-open">
            Rename
          </Button>
        }
        onConfirm={async () =>
          (
            await run(
              updateGroup,
              { tenantId, kind, groupId, ...next },
              { success: (d) => `JumpCloud: the ${KIND_LABEL[kind]} is now ${d.name}.`, undo: true },
            )
          ).ok
        }
      >
        <Field id="jc-group-name" label="Name">
          <Input
            id="jc-group-name"
            value={next.name}
            maxLength={200}
            onChange={(e) => setNext({ ...next, name: e.target.value })}
            data-testid="group-name"
          />
        </Field>
        <Field id="jc-group-description" label="Description" hint="Optional">
          <Input
            id="jc-group-description"
            value={next.description}
            maxLength={1000}
            onChange={(e) => setNext({ ...next, description: e.target.value })}
          />
        </Field>
      </ConfirmDialog>
      {canDelete ? (
        <ConfirmDialog
          destructive
          title={`Delete the ${KIND_LABEL[kind]} ${name}?`}
          confirmLabel="Delete group"
          typeToConfirm={name}
          description={
            `Its ${members} member${members === 1 ? "" : "s"} lose what it gives them (systems, applications, ` +
            "policies) and its bindings go. This cannot be undone: the audit event keeps who was in it."
          }
          trigger={
            <Button variant="outline" className="text-destructive" data-testid="group-delete">
              Delete
            </Button>
          }
          onConfirm={async () => {
            const ok = (
              await run(
                deleteGroup,
                { tenantId, kind, groupId },
                { success: (d) => `JumpCloud: the ${KIND_LABEL[kind]} ${d.name} is deleted.` },
              )
            ).ok;
            if (ok) router.push(kind === "user_group" ? "/jumpcloud/user-groups" : "/jumpcloud/system-groups");
            return ok;
          }}
        />
      ) : null}
    </div>
  );
}
