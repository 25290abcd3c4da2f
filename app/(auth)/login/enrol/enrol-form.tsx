"use client";
import { KeyRound, Smartphone } from "lucide-react";
import { useState, useTransition } from "react";
import { registerPasskeyInBrowser } from "@/components/second-factor/passkey-registration";
import { RecoveryCodesPanel } from "@/components/second-factor/recovery-codes-panel";
import { TotpSetup } from "@/components/second-factor/totp-setup";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  addEnrolmentPasskey,
  confirmEnrolmentTotp,
  enrolmentPasskeyOptions,
  finishEnrolment,
  startEnrolmentTotp,
} from "@/lib/auth/enrolment-actions";
import { cancelSignIn } from "@/lib/auth/second-step-actions";
import type { TotpEnrolment } from "@/lib/second-factor/totp-factor";

/** Choose an app or a passkey, set it up, save the recovery codes, then continue into the console. */
export function EnrolForm({ enrolled }: { enrolled: boolean }) {
  const [totp, setTotp] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(enrolled ? [] : null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<string | null>) => start(async () => setError(await fn()));

  if (codes) {
    return (
      <div className="mt-6 grid gap-4">
        {codes.length > 0 ? (
          <RecoveryCodesPanel codes={codes} />
        ) : (
          <p className="text-sm">Your second factor is set up.</p>
        )}
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            run(async () => {
              // On success the action redirects into the console.
              const res = await finishEnrolment();
              return res.ok ? null : res.error;
            })
          }
        >
          {codes.length > 0 ? "I have saved the codes: continue" : "Continue to the console"}
        </Button>
      </div>
    );
  }

  return (
    <div className="mt-6 grid gap-6">
      {totp ? (
        <TotpSetup enrolment={totp} confirm={confirmEnrolmentTotp} onConfirmed={(c) => setCodes(c ?? [])} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <section className="grid content-start gap-3 rounded-md border p-4">
            <h2 className="flex items-center gap-2 font-medium">
              <Smartphone className="size-4" /> Authenticator app
            </h2>
            <p className="text-sm text-muted-foreground">A six-digit code from an app on your phone at each sign-in.</p>
            <Button
              type="button"
              disabled={pending}
              onClick={() =>
                run(async () => {
                  const res = await startEnrolmentTotp();
                  if (res.ok) setTotp(res.data);
                  return res.ok ? null : res.error;
                })
              }
            >
              Set up the app
            </Button>
          </section>
          <form
            className="grid content-start gap-3 rounded-md border p-4"
            onSubmit={(e) => {
              e.preventDefault();
              const name = String(new FormData(e.currentTarget).get("name") ?? "");
              run(async () => {
                const res = await registerPasskeyInBrowser(enrolmentPasskeyOptions, (response) =>
                  addEnrolmentPasskey({ name, response }),
                );
                if (res.ok) setCodes(res.data.recoveryCodes);
                return res.ok ? null : res.error;
              });
            }}
          >
            <h2 className="flex items-center gap-2 font-medium">
              <KeyRound className="size-4" /> Passkey
            </h2>
            <p className="text-sm text-muted-foreground">This device&apos;s screen lock or a security key.</p>
            <Field id="enrol-passkey-name" label="Name">
              <Input id="enrol-passkey-name" name="name" defaultValue="Passkey" maxLength={60} required />
            </Field>
            <Button type="submit" variant="outline" disabled={pending}>
              Create a passkey
            </Button>
          </form>
        </div>
      )}
      {error ? (
        <p role="alert" data-testid="enrol-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <form action={cancelSignIn} className="border-t pt-4 text-sm">
        <button type="submit" className="text-muted-foreground hover:underline">
          Cancel
        </button>
      </form>
    </div>
  );
}
