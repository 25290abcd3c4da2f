"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  addTwingateGroupResources,
  createTwingateGroup,
  setTwingateGroupPolicy,
  updateTwingateGroup,
} from "@/lib/twingate/group-actions";
import { FormDialog } from "./form-dialog";

type Option = { id: string; name: string };

export function CreateGroupDialog({ tenantId, policies }: { tenantId: string; policies: Option[] }) {
  const router = useRouter();
  return (
    <FormDialog
      title="Create a Twingate group"
      submitLabel="Create group"
      action={createTwingateGroup}
      undo
      extra={{ tenantId }}
      testId="group-create-form"
      trigger={<Button data-testid="group-create-open">Create group</Button>}
      success={(d) => `Twingate: group ${d.name} created.`}
      onDone={(d) => {
        router.push(`/twingate/groups/${encodeURIComponent(d.id)}`);
      }}
    >
      {(errors) => (
        <>
          <Field id="tg-group-name" label="Name" errors={errors.name}>
            <Input id="tg-group-name" name="name" required maxLength={200} />
          </Field>
          <Field id="tg-group-policy" label="Security policy" hint="Empty: Twingate's default policy.">
            <Select id="tg-group-policy" name="securityPolicyId" defaultValue="">
              <option value="">Default</option>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
    </FormDialog>
  );
}

export function EditGroupDialog({
  tenantId,
  groupId,
  name,
  isActive,
}: {
  tenantId: string;
  groupId: string;
  name: string;
  isActive: boolean;
}) {
  return (
    <FormDialog
      title={`Edit ${name}`}
      submitLabel="Save"
      action={updateTwingateGroup}
      undo
      extra={{ tenantId, groupId }}
      testId="group-edit-form"
      trigger={
        <Button variant="outline" size="sm" data-testid="group-edit-open">
          Rename or deactivate
        </Button>
      }
      success="Twingate: group saved."
    >
      {(errors) => (
        <>
          <Field id="tg-group-rename" label="Name" errors={errors.name}>
            <Input id="tg-group-rename" name="name" defaultValue={name} required maxLength={200} />
          </Field>
          <Field id="tg-group-active" label="State" hint="An inactive group gives its members no access.">
            <Select id="tg-group-active" name="isActive" defaultValue={String(isActive)}>
              <option value="true">Active</option>
              <option value="false">Inactive</option>
            </Select>
          </Field>
        </>
      )}
    </FormDialog>
  );
}

/** Changing a group's policy re-points every resource the group reaches: the dialog says which, and how many. */
export function GroupPolicyForm({
  tenantId,
  groupId,
  current,
  policies,
  resources,
}: {
  tenantId: string;
  groupId: string;
  current: string | null;
  policies: Option[];
  resources: string[];
}) {
  const { run } = useRunAction();
  const [choice, setChoice] = useState(current ?? "");
  const [open, setOpen] = useState(false);
  const chosen = policies.find((p) => p.id === choice);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice && choice !== current) setOpen(true);
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="tg-group-policy-set">Security policy</Label>
        <Select id="tg-group-policy-set" value={choice} onChange={(e) => setChoice(e.target.value)} className="w-64">
          {current ? null : <option value="">—</option>}
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </div>
      <Button
        type="submit"
        size="sm"
        variant="outline"
        disabled={!choice || choice === current}
        data-testid="group-policy-apply"
      >
        Apply policy
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Apply ${chosen?.name ?? "this policy"} to the group?`}
        description={
          `Twingate re-points every resource this group reaches to the new policy, not only some: ` +
          `${resources.length} resource${resources.length === 1 ? "" : "s"} ` +
          `will be reached under ${chosen?.name ?? "it"}.`
        }
        confirmLabel="Apply policy"
        onConfirm={async () =>
          (
            await run(
              setTwingateGroupPolicy,
              { tenantId, groupId, securityPolicyId: choice },
              {
                success:
                  `Twingate: policy ${chosen?.name ?? ""} ` +
                  `applied to the group and its ${resources.length} resource${resources.length === 1 ? "" : "s"}.`,
              },
            )
          ).ok
        }
      >
        {resources.length ? (
          <ul className="max-h-40 list-disc overflow-auto pl-5" data-testid="policy-affected">
            {resources.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          <p>The group reaches no resources yet.</p>
        )}
      </ConfirmDialog>
    </form>
  );
}

export function AddGroupResourcesForm({
  tenantId,
  groupId,
  resources,
}: {
  tenantId: string;
  groupId: string;
  resources: Option[];
}) {
  const { run, pending } = useRunAction();
  const [choice, setChoice] = useState("");
  if (!resources.length)
    return <p className="text-sm text-muted-foreground">The group already reaches every resource.</p>;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!choice) return;
        const name = resources.find((r) => r.id === choice)?.name ?? "";
        const res = await run(
          addTwingateGroupResources,
          { tenantId, groupId, resourceIds: [choice] },
          { success: `Twingate: the group now reaches ${name}.`, undo: true },
        );
        if (res.ok) setChoice("");
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="tg-group-add-resource">Give access to</Label>
        <Select id="tg-group-add-resource" value={choice} onChange={(e) => setChoice(e.target.value)} className="w-64">
          <option value="">Choose a resource…</option>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" size="sm" variant="outline" disabled={!choice || pending} data-testid="group-resource-add">
        Add resource
      </Button>
    </form>
  );
}
