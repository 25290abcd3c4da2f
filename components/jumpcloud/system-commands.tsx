"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  eraseSystem,
  lockSystem,
  mdmClearActivationLock,
  mdmErase,
  mdmLock,
  mdmOsUpdateStatus,
  mdmRefreshActivationLock,
  mdmRestart,
  mdmScheduleOsUpdate,
  mdmShutdown,
  restartSystem,
  shutdownSystem,
} from "@/lib/jumpcloud/system-actions";

interface Props {
  tenantId: string;
  systemId: string;
  name: string;
  apple: boolean;
  canWrite: boolean;
  canDestroy: boolean;
}

function Pin({ value, onChange, id }: { value: string; onChange: (v: string) => void; id: string }) {
  return (
    <div className="mt-3 space-y-1">
      <Label htmlFor={id}>Six-digit PIN (required for a Mac; the user types it to unlock)</Label>
      <Input
        id={id}
        inputMode="numeric"
        pattern="\d{6}"
        maxLength={6}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-32"
      />
    </div>
  );
}

const INSTALL_ACTIONS = [
  ["INSTALL_ASAP", "Install as soon as possible"],
  ["INSTALL_LATER", "Install later (the user chooses when)"],
  ["DOWNLOAD_ONLY", "Download only"],
  ["INSTALL_FORCE_RESTART", "Install and force a restart"],
] as const;

/** The update to schedule: Apple's product key, how to install it, and how often the user may put it off. */
function OsUpdateFields(p: {
  value: { productKey: string; installAction: string; maxUserDeferrals: string };
  onChange: (v: { productKey: string; installAction: string; maxUserDeferrals: string }) => void;
}) {
  const set = (k: keyof typeof p.value) => (e: { target: { value: string } }) =>
    p.onChange({ ...p.value, [k]: e.target.value });
  return (
    <div className="mt-3 space-y-3">
      <div className="space-y-1">
        <Label htmlFor="os-update-key">Product key (from the device's OS update status)</Label>
        <Input id="os-update-key" value={p.value.productKey} onChange={set("productKey")} autoComplete="off" />
      </div>
      <div className="space-y-1">
        <Label htmlFor="os-update-action">How to install it</Label>
        <Select id="os-update-action" value={p.value.installAction} onChange={set("installAction")}>
          {INSTALL_ACTIONS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <Label htmlFor="os-update-deferrals">Times the user may defer it (Mac; empty: Apple's default)</Label>
        <Input
          id="os-update-deferrals"
          inputMode="numeric"
          className="w-24"
          value={p.value.maxUserDeferrals}
          onChange={set("maxUserDeferrals")}
        />
      </div>
    </div>
  );
}

/** Agent commands and, for Apple devices, MDM commands; each says what it does first. */
export function SystemCommands({ tenantId, systemId, name, apple, canWrite, canDestroy }: Props) {
  const { run, pending } = useRunAction();
  const ref = { tenantId, systemId };
  const [pin, setPin] = useState("");
  const [update, setUpdate] = useState({ productKey: "", installAction: "INSTALL_ASAP", maxUserDeferrals: "" });
  const sent = (what: string) => ({ success: `JumpCloud accepted the ${what} command for ${name}.` });
  if (!canWrite) return null;
  return (
    <div className="space-y-4" data-testid="system-commands">
      <div>
        <h3 className="mb-2 text-sm font-medium">Agent commands</h3>
        <div className="flex flex-wrap gap-2">
          <ConfirmDialog
            title={`Lock ${name}`}
            confirmLabel="Lock"
            description="Locks the screen now; the signed-in user must sign in again. Unsaved work stays open."
            trigger={
              <Button variant="outline" disabled={pending}>
                Lock
              </Button>
            }
            onConfirm={async () => (await run(lockSystem, ref, sent("lock"))).ok}
          />
          <ConfirmDialog
            title={`Restart ${name}`}
            confirmLabel="Restart"
            destructive
            description="Restarts the system now; unsaved work on it is lost."
            trigger={
              <Button variant="outline" disabled={pending}>
                Restart
              </Button>
            }
            onConfirm={async () => (await run(restartSystem, ref, sent("restart"))).ok}
          />
          {canDestroy ? (
            <>
              <ConfirmDialog
                title={`Shut down ${name}`}
                confirmLabel="Shut down"
                destructive
                description="Turns the system off; nobody can turn it back on remotely. Unsaved work is lost."
                trigger={
                  <Button variant="outline" disabled={pending}>
                    Shut down
                  </Button>
                }
                onConfirm={async () => (await run(shutdownSystem, ref, sent("shutdown"))).ok}
              />
              <ConfirmDialog
                title={`Erase ${name}`}
                confirmLabel="Erase this system"
                destructive
                typeToConfirm={name}
                description="Wipes the system's disk. Everything on it is lost for good; this cannot be undone."
                trigger={
                  <Button variant="destructive" disabled={pending}>
                    Erase
                  </Button>
                }
                onConfirm={async () => (await run(eraseSystem, { ...ref, confirm: name }, sent("erase"))).ok}
              />
            </>
          ) : null}
        </div>
      </div>
      {apple ? (
        <div data-testid="mdm-commands">
          <h3 className="mb-2 text-sm font-medium">Apple MDM</h3>
          <div className="flex flex-wrap gap-2">
            <ConfirmDialog
              title={`MDM lock ${name}`}
              confirmLabel="Lock"
              description="Apple MDM locks the device; a Mac then needs the PIN at its firmware screen."
              trigger={
                <Button variant="outline" disabled={pending}>
                  MDM lock
                </Button>
              }
              onConfirm={async () => (await run(mdmLock, { ...ref, pin }, sent("MDM lock"))).ok}
            >
              <Pin id="mdm-lock-pin" value={pin} onChange={setPin} />
            </ConfirmDialog>
            <ConfirmDialog
              title={`MDM restart ${name}`}
              confirmLabel="Restart"
              destructive
              description="Apple MDM restarts the device; unsaved work is lost."
              trigger={
                <Button variant="outline" disabled={pending}>
                  MDM restart
                </Button>
              }
              onConfirm={async () => (await run(mdmRestart, ref, sent("MDM restart"))).ok}
            />
            <ConfirmDialog
              title={`Refresh activation lock information of ${name}`}
              confirmLabel="Refresh"
              description="Asks the device to report its activation lock state again."
              trigger={
                <Button variant="outline" disabled={pending}>
                  Refresh activation lock
                </Button>
              }
              onConfirm={async () => (await run(mdmRefreshActivationLock, ref, sent("refresh activation lock"))).ok}
            />
            <ConfirmDialog
              title={`Request the OS update status of ${name}`}
              confirmLabel="Request status"
              description={
                "Asks the device to report the state of its OS updates to JumpCloud; nothing is downloaded or " +
                "installed."
              }
              trigger={
                <Button variant="outline" disabled={pending}>
                  OS update status
                </Button>
              }
              onConfirm={async () => (await run(mdmOsUpdateStatus, ref, sent("OS update status"))).ok}
            />
            <ConfirmDialog
              title={`Schedule an OS update on ${name}`}
              confirmLabel="Schedule"
              description="Apple MDM asks the device to download the update and install it as chosen."
              trigger={
                <Button variant="outline" disabled={pending}>
                  Schedule OS update
                </Button>
              }
              onConfirm={async () =>
                (
                  await run(
                    mdmScheduleOsUpdate,
                    { ...ref, ...update },
                    { success: `JumpCloud scheduled ${update.productKey} on ${name}.` },
                  )
                ).ok
              }
            >
              <OsUpdateFields value={update} onChange={setUpdate} />
            </ConfirmDialog>
            {canDestroy ? (
              <>
                <ConfirmDialog
                  title={`Clear activation lock of ${name}`}
                  confirmLabel="Clear activation lock"
                  destructive
                  description="Removes Apple's theft protection so the device can be set up by anyone after an erase."
                  trigger={
                    <Button variant="outline" disabled={pending}>
                      Clear activation lock
                    </Button>
                  }
                  onConfirm={async () => (await run(mdmClearActivationLock, ref, sent("clear activation lock"))).ok}
                />
                <ConfirmDialog
                  title={`MDM shut down ${name}`}
                  confirmLabel="Shut down"
                  destructive
                  description="Apple MDM turns the device off; nobody can turn it back on remotely."
                  trigger={
                    <Button variant="outline" disabled={pending}>
                      MDM shut down
                    </Button>
                  }
                  onConfirm={async () => (await run(mdmShutdown, ref, sent("MDM shutdown"))).ok}
                />
                <ConfirmDialog
                  title={`MDM erase ${name}`}
                  confirmLabel="Erase this device"
                  destructive
                  typeToConfirm={name}
                  description={
                    "Apple MDM wipes the device and unenrols it. Everything on it is lost for good; this cannot be " +
                    "undone."
                  }
                  trigger={
                    <Button variant="destructive" disabled={pending}>
                      MDM erase
                    </Button>
                  }
                  onConfirm={async () => (await run(mdmErase, { ...ref, pin, confirm: name }, sent("MDM erase"))).ok}
                >
                  <Pin id="mdm-erase-pin" value={pin} onChange={setPin} />
                </ConfirmDialog>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
