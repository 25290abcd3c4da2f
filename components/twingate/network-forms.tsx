"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  createTwingateServiceAccount,
  createTwingateServiceKey,
  renameTwingateServiceAccount,
  renameTwingateServiceKey,
} from "@/lib/twingate/account-actions";
import { REMOTE_NETWORK_LOCATIONS } from "@/lib/twingate/constants";
import {
  changeTwingatePolicyGroups,
  createTwingateRemoteNetwork,
  updateTwingateConnector,
  updateTwingateRemoteNetwork,
} from "@/lib/twingate/network-actions";
import { FormDialog } from "./form-dialog";

const LOCATION_LABEL: Record<string, string> = {
  AWS: "AWS",
  AZURE: "Azure",
  GOOGLE_CLOUD: "Google Cloud",
  ON_PREMISE: "On premises",
  OTHER: "Other",
};

function LocationSelect({ value }: { value?: string }) {
  return (
    <Field id="tg-rn-location" label="Location">
      <Select id="tg-rn-location" name="location" defaultValue={value ?? "OTHER"}>
        {REMOTE_NETWORK_LOCATIONS.map((l) => (
          <option key={l} value={l}>
            {LOCATION_LABEL[l]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function CreateRemoteNetworkDialog({ tenantId }: { tenantId: string }) {
  return (
    <FormDialog
      title="Create a remote network"
      submitLabel="Create"
      action={createTwingateRemoteNetwork}
      undo
      extra={{ tenantId }}
      testId="rn-create-form"
      trigger={<Button data-testid="rn-create-open">Create remote network</Button>}
      success={(d) => `Twingate: remote network ${d.name} created.`}
    >
      {(errors) => (
        <>
          <Field id="tg-rn-name" label="Name" errors={errors.name}>
            <Input id="tg-rn-name" name="name" required maxLength={200} />
          </Field>
          <LocationSelect />
        </>
      )}
    </FormDialog>
  );
}

export function EditRemoteNetworkDialog({
  tenantId,
  remoteNetworkId,
  name,
  location,
}: {
  tenantId: string;
  remoteNetworkId: string;
  name: string;
  location?: string;
}) {
  return (
    <FormDialog
      title={`Edit ${name}`}
      submitLabel="Save"
      action={updateTwingateRemoteNetwork}
      undo
      extra={{ tenantId, remoteNetworkId }}
      testId="rn-edit-form"
      trigger={
        <Button size="sm" variant="outline" aria-label={`Edit ${name}`} data-testid="rn-edit-open">
          Edit
        </Button>
      }
      success="Twingate: remote network saved."
    >
      {(errors) => (
        <>
          <Field id="tg-rn-rename" label="Name" errors={errors.name}>
            <Input id="tg-rn-rename" name="name" defaultValue={name} required maxLength={200} />
          </Field>
          <LocationSelect value={location} />
        </>
      )}
    </FormDialog>
  );
}

export function EditConnectorDialog({
  tenantId,
  connectorId,
  name,
  notifications,
}: {
  tenantId: string;
  connectorId: string;
  name: string;
  notifications: boolean;
}) {
  return (
    <FormDialog
      title={`Edit connector ${name}`}
      submitLabel="Save"
      action={updateTwingateConnector}
      undo
      extra={{ tenantId, connectorId }}
      testId="connector-edit-form"
      trigger={
        <Button size="sm" variant="outline" aria-label={`Edit ${name}`} data-testid="connector-edit-open">
          Edit
        </Button>
      }
      success={(d) => `Twingate: connector ${d.name} saved; status notifications ${d.notifications ? "on" : "off"}.`}
    >
      {(errors) => (
        <>
          <Field id="tg-connector-name" label="Name" hint="Unique within its remote network." errors={errors.name}>
            <Input id="tg-connector-name" name="name" defaultValue={name} required maxLength={200} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="hasStatusNotificationsEnabled"
              className="size-4"
              defaultChecked={notifications}
            />{" "}
            Email admins when this connector goes offline or comes back
          </label>
        </>
      )}
    </FormDialog>
  );
}

export function CreateServiceAccountDialog({ tenantId }: { tenantId: string }) {
  return (
    <FormDialog
      title="Create a service account"
      submitLabel="Create"
      action={createTwingateServiceAccount}
      undo
      extra={{ tenantId }}
      testId="sa-create-form"
      trigger={<Button data-testid="sa-create-open">Create service account</Button>}
      success={(d) => `Twingate: service account ${d.name} created.`}
    >
      {(errors) => (
        <Field id="tg-sa-name" label="Name" errors={errors.name}>
          <Input id="tg-sa-name" name="name" required maxLength={200} />
        </Field>
      )}
    </FormDialog>
  );
}

export function RenameServiceAccountDialog({
  tenantId,
  serviceAccountId,
  name,
}: {
  tenantId: string;
  serviceAccountId: string;
  name: string;
}) {
  return (
    <FormDialog
      title={`Rename ${name}`}
      submitLabel="Rename"
      action={renameTwingateServiceAccount}
      undo
      extra={{ tenantId, serviceAccountId }}
      trigger={
        <Button size="sm" variant="outline" aria-label={`Rename ${name}`}>
          Rename
        </Button>
      }
      success={(d) => `Twingate: service account renamed to ${d.name}.`}
    >
      {(errors) => (
        <Field id="tg-sa-rename" label="Name" errors={errors.name}>
          <Input id="tg-sa-rename" name="name" defaultValue={name} required maxLength={200} />
        </Field>
      )}
    </FormDialog>
  );
}

export function RenameKeyDialog({ tenantId, keyId, name }: { tenantId: string; keyId: string; name: string }) {
  return (
    <FormDialog
      title={`Rename key ${name}`}
      submitLabel="Rename"
      action={renameTwingateServiceKey}
      undo
      extra={{ tenantId, keyId }}
      trigger={
        <Button size="sm" variant="ghost" aria-label={`Rename key ${name}`}>
          Rename
        </Button>
      }
      success={(d) => `Twingate: key renamed to ${d.name}.`}
    >
      {(errors) => (
        <Field id="tg-key-rename" label="Name" errors={errors.name}>
          <Input id="tg-key-rename" name="name" defaultValue={name} required maxLength={200} />
        </Field>
      )}
    </FormDialog>
  );
}

/** A new key's token is in Twingate's answer once: shown here once, with a copy button, and never stored or logged. */
export function CreateKeyDialog({
  tenantId,
  serviceAccountId,
  accountName,
}: {
  tenantId: string;
  serviceAccountId: string;
  accountName: string;
}) {
  const [token, setToken] = useState<string | null>(null);
  return (
    <FormDialog
      title={`New key for ${accountName}`}
      submitLabel={token ? "Create another" : "Create key"}
      action={createTwingateServiceKey}
      undo
      extra={{ tenantId, serviceAccountId }}
      testId="key-create-form"
      description="The token is shown once, here. Copy it now: neither Twingate nor the console can show it again."
      trigger={
        <Button size="sm" data-testid="key-create-open" aria-label={`New key for ${accountName}`}>
          New key
        </Button>
      }
      success={(d) => `Twingate: key ${d.name} created. Copy its token now.`}
      onDone={(d) => {
        setToken(d.token);
        return true;
      }}
    >
      {(errors) => (
        <>
          {token ? (
            <div className="space-y-2 rounded-md border border-warning bg-warning/10 p-3" role="status">
              <Label htmlFor="tg-key-token">Token (shown once)</Label>
              <Input
                id="tg-key-token"
                readOnly
                value={token}
                className="font-mono text-xs"
                data-testid="key-token"
                onFocus={(e) => e.currentTarget.select()}
              />
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => void navigator.clipboard?.writeText(token)}
              >
                Copy
              </Button>
            </div>
          ) : null}
          <Field id="tg-key-name" label="Key name" hint="Optional" errors={errors.name}>
            <Input id="tg-key-name" name="name" maxLength={200} />
          </Field>
          <Field
            id="tg-key-days"
            label="Expires after (days)"
            hint="0: never. At most 365."
            errors={errors.expirationDays}
          >
            <Input id="tg-key-days" name="expirationDays" type="number" min={0} max={365} defaultValue={365} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

/**
 * Assigns groups to a policy or takes one off (back to the default policy); either re-points every resource the group
 * reaches.
 */
export function PolicyGroupsForm({
  tenantId,
  securityPolicyId,
  policyName,
  others,
}: {
  tenantId: string;
  securityPolicyId: string;
  policyName: string;
  others: { id: string; name: string; resources: number }[];
}) {
  const { run, pending } = useRunAction();
  const [choice, setChoice] = useState("");
  const [open, setOpen] = useState(false);
  if (!others.length) return null;
  const chosen = others.find((o) => o.id === choice);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) setOpen(true);
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={`tg-policy-add-${securityPolicyId}`}>Assign to group</Label>
        <Select
          id={`tg-policy-add-${securityPolicyId}`}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          className="w-56"
        >
          <option value="">Choose a group…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" size="sm" variant="outline" disabled={!chosen || pending} data-testid="policy-group-add">
        Assign
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Assign ${policyName} to ${chosen?.name ?? "the group"}?`}
        description={
          `Twingate re-points every resource the group reaches to this policy: ` +
          `${chosen?.resources ?? 0} resource${chosen?.resources === 1 ? "" : "s"}.`
        }
        confirmLabel="Assign policy"
        onConfirm={async () => {
          const res = await run(
            changeTwingatePolicyGroups,
            { tenantId, securityPolicyId, addedGroupIds: [choice], removedGroupIds: [] },
            { success: `Twingate: ${chosen?.name ?? ""} now uses ${policyName}.` },
          );
          if (res.ok) setChoice("");
          return res.ok;
        }}
      />
    </form>
  );
}
