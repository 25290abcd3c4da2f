"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { When } from "@/components/ui/when";
import { addPasskey, passkeyOptions, removeOwnPasskey, renameOwnPasskey } from "@/lib/second-factor/own-factor-actions";
import { registerPasskeyInBrowser } from "./passkey-registration";
import { ReauthDialog } from "./reauth-dialog";
import { FactorChangedStep } from "./recovery-codes-panel";

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function RenameDialog({ passkey }: { passkey: PasskeyView }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const id = `passkey-name-${passkey.id}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Rename
        </Button>
      </DialogTrigger>
      <DialogContent title={`Rename ${passkey.name}`}>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            start(async () => {
              const res = await renameOwnPasskey({ passkeyId: passkey.id, name });
              if (!res.ok) return setError(res.fieldErrors?.name?.[0] ?? res.error);
              setOpen(false);
              router.refresh();
            });
          }}
        >
          <Field id={id} label="Name" errors={error ? [error] : undefined}>
            <Input id={id} name="name" defaultValue={passkey.name} maxLength={60} required autoFocus />
          </Field>
          <Button type="submit" disabled={pending} className="justify-self-end">
            Save
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function PasskeysSection({ passkeys }: { passkeys: PasskeyView[] }) {
  return (
    <section className="grid content-start gap-2" data-testid="passkeys-section">
      <div className="flex min-h-6 items-center">
        <h3 className="font-medium">Passkeys</h3>
      </div>
      <p className="text-sm text-muted-foreground">
        This device&apos;s screen lock or a security key, asked for after your password.
      </p>
      {passkeys.length > 0 ? (
        <ul className="divide-y rounded-md border">
          {passkeys.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
              data-testid="passkey-row"
            >
              <div className="min-w-0">
                <div className="truncate text-sm font-medium">{p.name}</div>
                <div className="text-xs text-muted-foreground">
                  Added <When at={p.createdAt} precision="date" /> · last used{" "}
                  <When at={p.lastUsedAt} precision="date" missing="never" />
                </div>
              </div>
              <div className="flex gap-1">
                <RenameDialog passkey={p} />
                <ReauthDialog
                  trigger={
                    <Button size="sm" variant="ghost" className="text-destructive">
                      Remove
                    </Button>
                  }
                  title={`Remove ${p.name}`}
                  description={
                    "It will no longer sign you in. " + "If your role must use a second factor, keep another one first."
                  }
                  confirmLabel="Remove"
                  destructive
                  run={(form) => removeOwnPasskey({ passkeyId: p.id, password: String(form.get("password") ?? "") })}
                  success="Passkey removed."
                />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ReauthDialog
        trigger={
          <Button size="sm" variant="outline" className="justify-self-start">
            Add a passkey
          </Button>
        }
        title="Add a passkey"
        description="Name it so you can tell it apart, confirm it is you, then follow the browser's prompt."
        confirmLabel="Create passkey"
        fields={
          <Field id="new-passkey-name" label="Name">
            <Input id="new-passkey-name" name="name" defaultValue="Passkey" maxLength={60} required autoFocus />
          </Field>
        }
        run={(form) =>
          registerPasskeyInBrowser(
            () => passkeyOptions({ password: String(form.get("password") ?? "") }),
            (response) => addPasskey({ name: String(form.get("name") ?? ""), response }),
          )
        }
        success="Passkey added."
        // Only a first factor brings recovery codes to show; otherwise the dialog just closes.
        result={(data, close) =>
          data.recoveryCodes ? (
            <FactorChangedStep
              message="The passkey is added: it will be asked for at your next sign-in."
              codes={data.recoveryCodes}
              onDone={close}
            />
          ) : null
        }
        testId="passkey-dialog"
      />
    </section>
  );
}
