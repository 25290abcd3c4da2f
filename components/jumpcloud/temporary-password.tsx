"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { setTemporaryPassword } from "@/lib/jumpcloud/user-actions";

// No 0/O, 1/l/I: a password read out over the phone is typed right the first time.
const LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Four groups of four from the browser's cryptographic generator: about 94 bits, easy to read out. */
function suggestion(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(16));
  const chars = Array.from(bytes, (b) => LETTERS[b % LETTERS.length]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

/** Sets a password the technician hands over; kept in this dialog only, and cleared once JumpCloud has it. */
export function TemporaryPassword({ tenantId, userId, email }: { tenantId: string; userId: string; email: string }) {
  const { run, pending } = useRunAction();
  const [password, setPassword] = useState("");
  const [mustChange, setMustChange] = useState(true);
  return (
    <ConfirmDialog
      title={`Set a temporary password for ${email}`}
      confirmLabel="Set password"
      destructive
      description="Replaces the user's password. JumpCloud's password policy decides what it accepts."
      trigger={
        <Button variant="outline" disabled={pending} onClick={() => setPassword(suggestion())}>
          Set temporary password
        </Button>
      }
      onConfirm={async () => {
        const res = await run(
          setTemporaryPassword,
          { tenantId, userId, password, mustChange },
          { success: `${email}'s password is set.` },
        );
        if (res.ok) setPassword("");
        return res.ok;
      }}
    >
      <div className="mt-3 space-y-3">
        <div className="space-y-1">
          <Label htmlFor="temporary-password">Password to give them</Label>
          <div className="flex gap-2">
            <Input
              id="temporary-password"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <Button type="button" variant="ghost" onClick={() => setPassword(suggestion())}>
              Suggest another
            </Button>
          </div>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} />
          They choose their own at their next sign-in
        </label>
      </div>
    </ConfirmDialog>
  );
}
