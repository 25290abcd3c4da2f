"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { formatPorts } from "@/lib/twingate/protocols";
import {
  addTwingateResourceAccess,
  createTwingateResource,
  setTwingateResourceAccess,
  updateTwingateResource,
} from "@/lib/twingate/resource-actions";
import { FormDialog } from "./form-dialog";

type Option = { id: string; name: string };
export type Principal = { id: string; name: string; type: "GROUP" | "SERVICE_ACCOUNT" };
type Protocol = { policy: "ALLOW_ALL" | "RESTRICTED"; ports: { start: number; end: number }[] };
export interface ResourceValues {
  name: string;
  address: string;
  alias: string | null;
  remoteNetworkId: string;
  securityPolicyId: string | null;
  isVisible: boolean;
  isBrowserShortcutEnabled: boolean;
  protocols: { allowIcmp: boolean; tcp: Protocol; udp: Protocol };
}

const DEFAULTS: ResourceValues = {
  name: "",
  address: "",
  alias: null,
  remoteNetworkId: "",
  securityPolicyId: null,
  isVisible: true,
  isBrowserShortcutEnabled: false,
  protocols: { allowIcmp: true, tcp: { policy: "ALLOW_ALL", ports: [] }, udp: { policy: "ALLOW_ALL", ports: [] } },
};

function ResourceFields({
  v,
  networks,
  policies,
  errors,
}: {
  v: ResourceValues;
  networks: Option[];
  policies: Option[];
  errors: Record<string, string[]>;
}) {
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <Field id="tg-res-name" label="Name" errors={errors.name}>
          <Input id="tg-res-name" name="name" defaultValue={v.name} required maxLength={200} />
        </Field>
        <Field id="tg-res-network" label="Remote network" errors={errors.remoteNetworkId}>
          <Select id="tg-res-network" name="remoteNetworkId" defaultValue={v.remoteNetworkId} required>
            <option value="" disabled>
              Choose…
            </option>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field id="tg-res-address" label="Address" hint="DNS name, IP or CIDR range" errors={errors.address}>
          <Input id="tg-res-address" name="address" defaultValue={v.address} required />
        </Field>
        <Field id="tg-res-alias" label="Alias" hint="Optional DNS name users type instead" errors={errors.alias}>
          <Input id="tg-res-alias" name="alias" defaultValue={v.alias ?? ""} />
        </Field>
      </div>
      <Field
        id="tg-res-policy"
        label="Security policy"
        hint="What users must satisfy (MFA, trusted devices) to reach this resource"
        errors={errors.securityPolicyId}
      >
        <Select id="tg-res-policy" name="securityPolicyId" defaultValue={v.securityPolicyId ?? ""}>
          {v.securityPolicyId ? null : <option value="">Twingate's default for resources</option>}
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isVisible" className="size-4" defaultChecked={v.isVisible} /> Visible in the
          client
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="isBrowserShortcutEnabled"
            className="size-4"
            defaultChecked={v.isBrowserShortcutEnabled}
          />{" "}
          Browser shortcut
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allowIcmp" className="size-4" defaultChecked={v.protocols.allowIcmp} /> Allow
          ICMP (ping)
        </label>
      </div>
      {(["tcp", "udp"] as const).map((p) => (
        <div key={p} className="grid grid-cols-2 gap-3">
          <Field id={`tg-res-${p}`} label={p.toUpperCase()}>
            <Select id={`tg-res-${p}`} name={`${p}Policy`} defaultValue={v.protocols[p].policy}>
              <option value="ALLOW_ALL">All ports</option>
              <option value="RESTRICTED">Only these ports</option>
            </Select>
          </Field>
          <Field id={`tg-res-${p}-ports`} label={`${p.toUpperCase()} ports`} hint="e.g. 22, 443, 8000-8100">
            <Input id={`tg-res-${p}-ports`} name={`${p}Ports`} defaultValue={formatPorts(v.protocols[p].ports)} />
          </Field>
        </div>
      ))}
    </>
  );
}

export function CreateResourceDialog({
  tenantId,
  networks,
  policies,
}: {
  tenantId: string;
  networks: Option[];
  policies: Option[];
}) {
  const router = useRouter();
  return (
    <FormDialog
      title="Create a Twingate resource"
      submitLabel="Create resource"
      action={createTwingateResource}
      undo
      extra={{ tenantId }}
      testId="resource-create-form"
      trigger={<Button data-testid="resource-create-open">Create resource</Button>}
      success={(d) => `Twingate: resource ${d.name} created.`}
      onDone={(d) => {
        router.push(`/twingate/resources/${encodeURIComponent(d.id)}`);
      }}
    >
      {(errors) => <ResourceFields v={DEFAULTS} networks={networks} policies={policies} errors={errors} />}
    </FormDialog>
  );
}

export function EditResourceDialog({
  tenantId,
  resourceId,
  values,
  networks,
  policies,
}: {
  tenantId: string;
  resourceId: string;
  values: ResourceValues;
  networks: Option[];
  policies: Option[];
}) {
  return (
    <FormDialog
      title={`Edit ${values.name}`}
      submitLabel="Save"
      action={updateTwingateResource}
      undo
      extra={{ tenantId, resourceId }}
      testId="resource-edit-form"
      trigger={
        <Button variant="outline" data-testid="resource-edit-open">
          Edit resource
        </Button>
      }
      success="Twingate: resource saved."
    >
      {(errors) => <ResourceFields v={values} networks={networks} policies={policies} errors={errors} />}
    </FormDialog>
  );
}

/**
 * Adds one principal's access; a policy and expiry apply to groups only (Twingate refuses them for service accounts).
 */
export function AddAccessForm({
  tenantId,
  resourceId,
  principals,
  policies,
}: {
  tenantId: string;
  resourceId: string;
  principals: Principal[];
  policies: Option[];
}) {
  const { run, pending } = useRunAction();
  const [principalId, setPrincipalId] = useState("");
  const [policy, setPolicy] = useState("");
  const [expires, setExpires] = useState("");
  const principal = principals.find((p) => p.id === principalId);
  return (
    <form
      className="grid gap-3 sm:grid-cols-2 sm:items-end xl:grid-cols-[1fr_1fr_1fr_auto] [&>div]:min-w-0"
      data-testid="access-add-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!principal) return;
        const res = await run(
          addTwingateResourceAccess,
          {
            tenantId,
            resourceId,
            grants: [
              { principalId, securityPolicyId: policy, expiresAt: expires ? new Date(expires).toISOString() : "" },
            ],
          },
          { success: `Twingate: ${principal.name} can now reach this resource.`, undo: true },
        );
        if (res.ok) {
          setPrincipalId("");
          setPolicy("");
          setExpires("");
        }
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="tg-access-principal">Group or service account</Label>
        <Select id="tg-access-principal" value={principalId} onChange={(e) => setPrincipalId(e.target.value)} required>
          <option value="">Choose…</option>
          <optgroup label="Groups">
            {principals
              .filter((p) => p.type === "GROUP")
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </optgroup>
          <optgroup label="Service accounts">
            {principals
              .filter((p) => p.type === "SERVICE_ACCOUNT")
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </optgroup>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="tg-access-policy">Security policy</Label>
        <Select id="tg-access-policy" value={policy} onChange={(e) => setPolicy(e.target.value)}>
          <option value="">Resource default</option>
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="tg-access-expires">Expires (your time)</Label>
        <Input
          id="tg-access-expires"
          type="datetime-local"
          className="min-w-0"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
        />
      </div>
      <Button type="submit" disabled={!principal || pending} data-testid="access-add">
        Add access
      </Button>
      {principal?.type === "SERVICE_ACCOUNT" ? (
        <p className="text-xs text-muted-foreground sm:col-span-2 xl:col-span-4">
          Twingate takes no policy or expiry for service accounts.
        </p>
      ) : null}
    </form>
  );
}

/**
 * Replaces the whole access list (resourceAccessSet): who stays is ticked;
 * the confirmation names everyone who loses access before anything is sent.
 */
export function SetAccessForm({
  tenantId,
  resourceId,
  principals,
  current,
}: {
  tenantId: string;
  resourceId: string;
  principals: Principal[];
  current: {
    principalId: string;
    name: string;
    securityPolicyId: string | null;
    expiresAt: string | null;
    type: "GROUP" | "SERVICE_ACCOUNT";
  }[];
}) {
  const { run } = useRunAction();
  const [keep, setKeep] = useState(() => new Set(current.map((c) => c.principalId)));
  const [open, setOpen] = useState(false);
  const currentIds = useMemo(() => new Set(current.map((c) => c.principalId)), [current]);
  const removed = current.filter((c) => !keep.has(c.principalId));
  const added = principals.filter((p) => keep.has(p.id) && !currentIds.has(p.id));
  const toggle = (id: string) =>
    setKeep((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <form
      className="space-y-3"
      data-testid="access-set-form"
      onSubmit={(e) => {
        e.preventDefault();
        setOpen(true);
      }}
    >
      <fieldset className="grid max-h-60 gap-1 overflow-auto rounded-md border p-2 text-sm sm:grid-cols-2">
        <legend className="px-1 text-xs text-muted-foreground">
          Who may reach this resource (everyone else loses access)
        </legend>
        {principals.map((p) => (
          <label key={p.id} className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={keep.has(p.id)} onChange={() => toggle(p.id)} />
            {p.name}{" "}
            <span className="text-xs text-muted-foreground">{p.type === "GROUP" ? "group" : "service account"}</span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" variant="outline" disabled={!removed.length && !added.length} data-testid="access-set">
        Replace access…
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        destructive={removed.length > 0}
        title="Replace this resource's access?"
        description={
          `Twingate replaces the whole list: ${keep.size} principal${keep.size === 1 ? "" : "s"} keep or get access, ` +
          `${removed.length} lose${removed.length === 1 ? "s" : ""} it. ` +
          `Kept grants keep their policy and expiry.`
        }
        confirmLabel="Replace access"
        onConfirm={async () => {
          const grants = [...keep].map((principalId) => {
            const was = current.find((c) => c.principalId === principalId);
            // Sent again as they are, so that a replace does not silently clear a kept grant's policy or expiry.
            return was?.type === "GROUP"
              ? { principalId, securityPolicyId: was.securityPolicyId ?? "", expiresAt: was.expiresAt ?? "" }
              : { principalId };
          });
          return (
            await run(
              setTwingateResourceAccess,
              { tenantId, resourceId, grants },
              { success: `Twingate: access replaced; ${removed.length} removed.`, undo: true },
            )
          ).ok;
        }}
      >
        <div className="space-y-2" data-testid="access-set-summary">
          <p>
            <strong>Will lose access ({removed.length}):</strong>{" "}
            {removed.length ? removed.map((r) => r.name).join(", ") : "no one"}
          </p>
          <p>
            <strong>Will gain access ({added.length}):</strong>{" "}
            {added.length ? added.map((a) => a.name).join(", ") : "no one"}
          </p>
        </div>
      </ConfirmDialog>
    </form>
  );
}
