"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addUserMachineAssignments } from "@/lib/trugrid/directory-actions";
import { ItemResults, type ShownResult } from "./item-results";
import { splitNames } from "./name-list-form";

/** Give a user or user group machines or machine groups (TruGrid's Resource Assignments). */
export function AssignmentForm({ tenantId, users, groups }: { tenantId: string; users: string[]; groups: string[] }) {
  const { run, pending } = useRunAction();
  const [key, setKey] = useState("");
  const [targets, setTargets] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ShownResult | null>(null);
  const value = splitNames(targets);
  const ready = key.trim() && value.length > 0;
  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) setConfirming(true);
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="assign-key">User UPN or user group</Label>
          <Input
            id="assign-key"
            list="assign-key-list"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
          />
          <datalist id="assign-key-list">
            {users.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <Label htmlFor="assign-targets">Machines or machine groups (comma-separated)</Label>
          <Input
            id="assign-targets"
            list="assign-target-list"
            value={targets}
            onChange={(e) => setTargets(e.target.value)}
            autoComplete="off"
            placeholder="Finance Workstations, PC-01"
          />
          <datalist id="assign-target-list">
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </div>
        <Button type="submit" disabled={!ready || pending}>
          Assign
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Create a resource assignment"
        confirmLabel="Assign"
        onConfirm={async () => {
          const res = await run(
            addUserMachineAssignments,
            { tenantId, assignments: [{ key: key.trim(), value }] },
            { success: (d) => d.message },
          );
          setResult(
            res.ok
              ? { title: "Assignment: TruGrid's answer", items: res.data.items }
              : {
                  title: "Assignment: refused",
                  items: [{ item: `${key} → ${value.join(", ")}`, status: res.error, ok: false }],
                },
          );
          if (res.ok) {
            setKey("");
            setTargets("");
          }
          return true;
        }}
      >
        <p>
          <strong>{key}</strong> will be allowed to use {value.join(", ")}. This adds to what it has; TruGrid has no
          call to remove an assignment, so it cannot be undone from here.
        </p>
      </ConfirmDialog>
      <ItemResults result={result} onClose={() => setResult(null)} />
    </div>
  );
}
