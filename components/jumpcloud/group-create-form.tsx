"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createGroup } from "@/lib/jumpcloud/group-actions";

export function GroupCreateForm({ tenantId, kind }: { tenantId: string; kind: "user_group" | "system_group" }) {
  const { run, pending } = useRunAction();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const label = kind === "user_group" ? "user group" : "system group";
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" data-testid="create-group">
          New {label}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`New ${label}`}
        description="Created in JumpCloud as a static group; add members afterwards."
      >
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const res = await run(
              createGroup,
              { tenantId, kind, name, description },
              { success: (d) => `JumpCloud created the ${label} ${d.name}.` },
            );
            if (res.ok) {
              setOpen(false);
              router.push(`/jumpcloud/${kind === "user_group" ? "user-groups" : "system-groups"}/${res.data.id}`);
            } else setErrors(res.fieldErrors ?? {});
          }}
        >
          <Field id="group-name" label="Name" errors={errors.name}>
            <Input id="group-name" value={name} onChange={(e) => setName(e.target.value)} required />
          </Field>
          <Field id="group-description" label="Description" errors={errors.description}>
            <Input id="group-description" value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending || !name.trim()}>
              Create
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
