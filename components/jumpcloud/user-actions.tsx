"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTimeZone } from "@/components/ui/time-zone";
import { dateTimeWithZone } from "@/lib/format/date-time";
import {
  activateStagedUser,
  deleteUser,
  expirePassword,
  reactivateUser,
  resetMfa,
  suspendUser,
  unlockUser,
} from "@/lib/jumpcloud/user-actions";
import { TemporaryPassword } from "./temporary-password";

interface Props {
  tenantId: string;
  userId: string;
  email: string;
  state: string | null;
  locked: boolean;
  canDelete: boolean;
}

/** The actions on one JumpCloud user; each says what it does before it runs. */
export function UserActions({ tenantId, userId, email, state, locked, canDelete }: Props) {
  const { run, pending } = useRunAction();
  const timeZone = useTimeZone();
  const router = useRouter();
  const ref = { tenantId, userId };
  const [days, setDays] = useState("7");
  const [sendEmail, setSendEmail] = useState(true);
  const [clearManager, setClearManager] = useState(false);

  return (
    <div className="flex flex-wrap gap-2" data-testid="user-actions">
      {state === "ACTIVATED" ? (
        <ConfirmDialog
          title={`Suspend ${email}`}
          confirmLabel="Suspend"
          destructive
          description={
            "JumpCloud blocks this user from every resource it manages (systems, applications, directories) until " +
            "reactivated. You can undo this."
          }
          trigger={
            <Button variant="outline" disabled={pending}>
              Suspend
            </Button>
          }
          onConfirm={async () =>
            (await run(suspendUser, ref, { success: `${email} is suspended in JumpCloud.`, undo: true })).ok
          }
        />
      ) : null}
      {state === "SUSPENDED" ? (
        <ConfirmDialog
          title={`Reactivate ${email}`}
          confirmLabel="Reactivate"
          description="JumpCloud lets this user sign in to their resources again. You can undo this."
          trigger={
            <Button variant="outline" disabled={pending}>
              Reactivate
            </Button>
          }
          onConfirm={async () =>
            (await run(reactivateUser, ref, { success: `${email} is active again in JumpCloud.`, undo: true })).ok
          }
        />
      ) : null}
      {state === "STAGED" ? (
        <ConfirmDialog
          title={`Activate ${email}`}
          confirmLabel="Activate"
          description="A staged user becomes active and can set a password and sign in."
          trigger={
            <Button variant="outline" disabled={pending}>
              Activate
            </Button>
          }
          onConfirm={async () =>
            (await run(activateStagedUser, { ...ref, sendEmail }, { success: `${email} is activated.` })).ok
          }
        >
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={sendEmail}
              onChange={(e) => setSendEmail(e.target.checked)}
            />
            Send JumpCloud&apos;s activation email to the user
          </label>
        </ConfirmDialog>
      ) : null}
      <ConfirmDialog
        title={`Unlock ${email}`}
        confirmLabel="Unlock"
        description={
          locked
            ? "Clears the lockout after too many failed sign-ins, so the user can try again."
            : "This user is not locked (as of the last sync); unlocking changes nothing."
        }
        trigger={
          <Button variant="outline" disabled={pending}>
            Unlock
          </Button>
        }
        onConfirm={async () => (await run(unlockUser, ref, { success: `${email} is unlocked.` })).ok}
      />
      <ConfirmDialog
        title={`Reset MFA for ${email}`}
        confirmLabel="Reset MFA"
        destructive
        description={
          "Removes the user's TOTP enrolment. During the exclusion window the user can still sign in without TOTP " +
          "and must enrol again; after it, TOTP-protected resources lock them out."
        }
        trigger={
          <Button variant="outline" disabled={pending}>
            Reset MFA
          </Button>
        }
        onConfirm={async () =>
          (
            await run(
              resetMfa,
              { ...ref, exclusionDays: Number(days) },
              {
                success: (d) =>
                  d.exclusionUntil
                    ? `MFA reset; ${email} must enrol again before ${dateTimeWithZone(d.exclusionUntil, timeZone)}.`
                    : `MFA reset; ${email} has no exclusion window.`,
              },
            )
          ).ok
        }
      >
        <div className="space-y-1">
          <Label htmlFor="exclusion-days">Exclusion window (days; 0 for none)</Label>
          <Input
            id="exclusion-days"
            type="number"
            min={0}
            max={365}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className="w-32"
          />
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        title={`Expire the password of ${email}`}
        confirmLabel="Expire password"
        destructive
        description="The user must choose a new password at the next sign-in."
        trigger={
          <Button variant="outline" disabled={pending}>
            Expire password
          </Button>
        }
        onConfirm={async () => (await run(expirePassword, ref, { success: `${email}'s password is expired.` })).ok}
      />
      <TemporaryPassword tenantId={tenantId} userId={userId} email={email} />
      {canDelete ? (
        <ConfirmDialog
          title={`Delete ${email}`}
          confirmLabel="Delete user"
          destructive
          typeToConfirm={email}
          description={
            "Deletes the user from JumpCloud with their group memberships and associations. " + "This cannot be undone."
          }
          trigger={
            <Button variant="destructive" disabled={pending}>
              Delete
            </Button>
          }
          onConfirm={async () => {
            const res = await run(
              deleteUser,
              { ...ref, clearManagerOnReports: clearManager },
              { success: `${email} is deleted from JumpCloud.` },
            );
            if (res.ok) router.push("/jumpcloud/users");
            return res.ok;
          }}
        >
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={clearManager}
              onChange={(e) => setClearManager(e.target.checked)}
            />
            If this user is someone&apos;s manager, clear the manager of those users (otherwise JumpCloud refuses the
            delete)
          </label>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
