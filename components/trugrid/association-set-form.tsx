"use client";
import { useMemo, useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { setMachineAssociations } from "@/lib/trugrid/association-actions";
import type { AssociationRow, GroupSummary } from "@/lib/trugrid/associations";
import type { ShownResult } from "./item-results";

const OTHER = "__other__";

/**
 * Set or replace one user's machine in a machine group. The picker offers
 * only machines that can be valid: in a group not known to be shared, a
 * machine another user holds is left out (TruGrid would refuse it). The rule
 * that applies is stated before sending; TruGrid's status is shown after.
 */
export function AssociationSetForm({
  tenantId,
  groups,
  machines,
  current,
  fixedUser,
  fixedGroup,
  users,
  onResult,
}: {
  tenantId: string;
  groups: GroupSummary[];
  machines: Record<string, { machine: string; users: string[] }[]>;
  /** Current associations of the fixed user or group, to say what would be replaced. */
  current: AssociationRow[];
  fixedUser?: string;
  fixedGroup?: string;
  users: string[];
  onResult: (r: ShownResult) => void;
}) {
  const { run, pending } = useRunAction();
  const [user, setUser] = useState(fixedUser ?? "");
  const [group, setGroup] = useState(fixedGroup ?? "");
  const [machine, setMachine] = useState("");
  const [other, setOther] = useState("");
  const [confirming, setConfirming] = useState(false);
  const summary = groups.find((g) => g.name.toLowerCase() === group.toLowerCase());
  const shared = summary?.shared === true;
  const u = user.trim().toLowerCase();
  const choices = useMemo(
    () => (machines[summary?.name ?? group] ?? []).filter((m) => shared || m.users.every((x) => x.toLowerCase() === u)),
    [machines, summary, group, shared, u],
  );
  const takenCount = (machines[summary?.name ?? group] ?? []).length - choices.length;
  const machineName = machine === OTHER ? other.trim() : machine;
  const had = current.find((c) => c.userUpn.toLowerCase() === u && c.groupName.toLowerCase() === group.toLowerCase());
  // The machine the user already has there is no change: not offered, so never sent nor "undone".
  const same = !!had && had.machineName.toLowerCase() === machineName.toLowerCase();
  const ready = user.trim() && group.trim() && machineName && !same;

  return (
    <form
      className="space-y-3"
      data-testid="association-set-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) setConfirming(true);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <Label htmlFor="assoc-user">User (UPN)</Label>
          <Input
            id="assoc-user"
            list="assoc-user-list"
            value={user}
            readOnly={!!fixedUser}
            onChange={(e) => setUser(e.target.value)}
            autoComplete="off"
          />
          <datalist id="assoc-user-list">
            {users.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <Label htmlFor="assoc-group">Machine group</Label>
          {fixedGroup ? (
            <Input id="assoc-group" value={group} readOnly />
          ) : (
            <Select
              id="assoc-group"
              value={group}
              onChange={(e) => {
                setGroup(e.target.value);
                setMachine("");
              }}
            >
              <option value="">Choose a group</option>
              {groups.map((g) => (
                <option key={g.name} value={g.name}>
                  {g.name}
                </option>
              ))}
            </Select>
          )}
        </div>
        <div className="space-y-1">
          <Label htmlFor="assoc-machine">Machine</Label>
          <Select id="assoc-machine" value={machine} onChange={(e) => setMachine(e.target.value)} disabled={!group}>
            <option value="">Choose a machine</option>
            {choices.map((m) => (
              <option key={m.machine} value={m.machine}>
                {m.machine}
                {m.users.length ? ` (${m.users.length} user${m.users.length > 1 ? "s" : ""})` : ""}
              </option>
            ))}
            <option value={OTHER}>Another machine of this group…</option>
          </Select>
          {machine === OTHER ? (
            <Input
              aria-label="Machine name"
              placeholder="Machine hostname"
              value={other}
              onChange={(e) => setOther(e.target.value)}
            />
          ) : null}
        </div>
      </div>
      {group ? (
        <p className="rounded-md border bg-muted/40 p-2 text-sm" data-testid="association-rule">
          {shared ? (
            <>
              Shared group: a machine in <strong>{summary?.name}</strong> already serves several users, so it contains a
              server and users may share a machine.
            </>
          ) : (
            <>
              Client-only rule: one user per machine, unless the group contains a server (TruGrid does not say which
              machines are servers, and nothing cached shows one here).{" "}
              {takenCount > 0
                ? `${takenCount} machine${takenCount > 1 ? "s" : ""} held by other users are left out.`
                : null}{" "}
              TruGrid checks when you send.
            </>
          )}{" "}
          A user has one machine per group: a new one replaces the old.
        </p>
      ) : null}
      {same ? (
        <p className="text-sm text-muted-foreground" data-testid="association-unchanged">
          {user} already has {machineName} in {group}.
        </p>
      ) : null}
      <Button type="submit" disabled={!ready || pending}>
        Set association
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={had ? "Replace a machine association" : "Set a machine association"}
        confirmLabel={had ? "Replace" : "Set"}
        onConfirm={async () => {
          const res = await run(
            setMachineAssociations,
            { tenantId, items: [{ userUpn: user.trim(), groupName: group.trim(), machineName }] },
            { success: (d) => d.message, undo: true },
          );
          onResult(
            res.ok
              ? { title: "Set association: TruGrid's answer", items: res.data.items }
              : {
                  title: "Set association: refused",
                  items: [{ item: `${user} → ${machineName} in ${group}`, status: res.error, ok: false }],
                },
          );
          if (res.ok) setMachine("");
          return true;
        }}
      >
        {had ? (
          <p>
            <strong>{user}</strong> has <strong>{had.machineName}</strong> in <strong>{group}</strong>; TruGrid will
            replace it with <strong>{machineName}</strong>. Undo puts {had.machineName} back.
          </p>
        ) : (
          <p>
            <strong>{user}</strong> will get <strong>{machineName}</strong> in <strong>{group}</strong>.
          </p>
        )}
      </ConfirmDialog>
    </form>
  );
}
