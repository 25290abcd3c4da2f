"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { Result } from "@/lib/actions/result";
import {
  addUpnSuffixes,
  clearAppAssociations,
  refreshActiveDirectory,
  refreshApplications,
  syncAddedAdMachineGroups,
  syncAddedAdMachines,
  syncAddedAdUserGroups,
  syncAddedAdUsers,
} from "@/lib/trugrid/directory-actions";
import type { BulkOutcome } from "@/lib/trugrid/item-outcome";
import { ItemResults, type ShownResult } from "./item-results";
import { NameListForm } from "./name-list-form";

const SYNC_KINDS = {
  users: { label: "Users (UPNs)", fn: syncAddedAdUsers, group: "TG-Users", placeholder: "jane.doe@example.com" },
  machines: { label: "Machines", fn: syncAddedAdMachines, group: "TG-Machines", placeholder: "PC-01" },
  user_groups: { label: "User groups", fn: syncAddedAdUserGroups, group: "TG-Users", placeholder: "Finance Users" },
  machine_groups: {
    label: "Machine groups",
    fn: syncAddedAdMachineGroups,
    group: "TG-Machines",
    placeholder: "Finance Workstations",
  },
} as const;
type SyncKind = keyof typeof SYNC_KINDS;

/** Active Directory and domain settings: admin actions, each with TruGrid's per-item answer. */
export function DirectoryPanel({ tenantId, domainName }: { tenantId: string; domainName: string }) {
  const { run, pending } = useRunAction();
  const [result, setResult] = useState<ShownResult | null>(null);
  const [kind, setKind] = useState<SyncKind>("users");
  const k = SYNC_KINDS[kind];

  const bulk = async (title: string, call: () => Promise<Result<BulkOutcome>>, what: string) => {
    const res = await run(call, undefined, { success: (d) => d.message });
    setResult(
      res.ok
        ? { title: `${title}: TruGrid's answer`, items: res.data.items }
        : { title: `${title}: refused`, items: [{ item: what, status: res.error, ok: false }] },
    );
    return res.ok;
  };

  return (
    <div className="space-y-4">
      <div className="grid gap-4 xl:grid-cols-2">
        <Card data-testid="ad-sync">
          <CardTitle>Sync newly added from Active Directory</CardTitle>
          <CardDescription>
            Pulls in items added directly to the {k.group} group in AD, without a full refresh. Syncing a group brings
            its members too.
          </CardDescription>
          <div className="mt-3 space-y-2">
            <Label htmlFor="ad-kind">What to sync</Label>
            <Select id="ad-kind" value={kind} onChange={(e) => setKind(e.target.value as SyncKind)}>
              {(Object.keys(SYNC_KINDS) as SyncKind[]).map((x) => (
                <option key={x} value={x}>
                  {SYNC_KINDS[x].label}
                </option>
              ))}
            </Select>
            <NameListForm
              id="ad-names"
              label={`${k.label}, one per line`}
              placeholder={k.placeholder}
              submitLabel="Sync from AD"
              disabled={pending}
              onSubmit={(names) =>
                bulk(`Sync ${k.label.toLowerCase()}`, () => k.fn({ tenantId, names }), names.join(", "))
              }
            />
          </div>
        </Card>
        <Card data-testid="ad-refresh">
          <CardTitle>Force a refresh</CardTitle>
          <CardDescription>
            A full re-read of {domainName} from Active Directory: users and machines, or published applications.
          </CardDescription>
          <div className="mt-3 flex flex-wrap gap-2">
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="outline" disabled={pending}>
                  Force AD refresh…
                </Button>
              }
              title={`Refresh ${domainName} from Active Directory`}
              confirmLabel="Refresh"
              onConfirm={async () =>
                (await run(refreshActiveDirectory, { tenantId }, { success: (d) => d.message })).ok
              }
            >
              <p>
                TruGrid re-reads every user and machine of {domainName} from Active Directory. Nothing is removed; new
                items become usable.
              </p>
            </ConfirmDialog>
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="outline" disabled={pending}>
                  Force application refresh…
                </Button>
              }
              title={`Refresh ${domainName}'s published applications`}
              confirmLabel="Refresh"
              onConfirm={async () => (await run(refreshApplications, { tenantId }, { success: (d) => d.message })).ok}
            >
              <p>TruGrid re-reads the published applications of {domainName} from Active Directory.</p>
            </ConfirmDialog>
          </div>
        </Card>
        <Card data-testid="app-associations">
          <CardTitle>Clear application associations</CardTitle>
          <CardDescription>
            Removes the published applications associated with user groups. Cannot be undone from here.
          </CardDescription>
          <div className="mt-3 space-y-3">
            <NameListForm
              id="app-groups"
              label="User groups, one per line"
              placeholder="Finance Users"
              submitLabel="Clear for these groups"
              disabled={pending}
              onSubmit={(groups) =>
                bulk(
                  "Clear application associations",
                  () => clearAppAssociations({ tenantId, groups }),
                  groups.join(", "),
                )
              }
            />
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="destructive" disabled={pending}>
                  Clear for the whole domain…
                </Button>
              }
              title={`Clear every application association of ${domainName}`}
              destructive
              typeToConfirm={domainName}
              confirmLabel="Clear everything"
              onConfirm={() =>
                bulk(
                  "Clear application associations",
                  () => clearAppAssociations({ tenantId, groups: [], confirm: domainName }),
                  domainName,
                )
              }
            >
              <p>
                TruGrid removes the application associations of every user group in <strong>{domainName}</strong>.
              </p>
            </ConfirmDialog>
          </div>
        </Card>
        <Card data-testid="upn-suffixes">
          <CardTitle>Allowed UPN suffixes</CardTitle>
          <CardDescription>
            Lets users of {domainName} sign in with UPNs under other DNS names. TruGrid&apos;s rule: a suffix may not be
            a domain registered in TruGrid, nor already a suffix of another domain; it refuses such a suffix and says
            why.
          </CardDescription>
          <div className="mt-3">
            <NameListForm
              id="upn-suffixes-input"
              label="DNS names, one per line"
              placeholder="corp.example.com"
              submitLabel="Add suffixes"
              disabled={pending}
              onSubmit={(suffixes) =>
                bulk("Add UPN suffixes", () => addUpnSuffixes({ tenantId, suffixes }), suffixes.join(", "))
              }
            />
          </div>
        </Card>
      </div>
      <ItemResults result={result} onClose={() => setResult(null)} />
    </div>
  );
}
