"use client";
import { type AuthenticationResponseJSON, startAuthentication } from "@simplewebauthn/browser";
import { KeyRound } from "lucide-react";
import { useActionState, useState, useTransition } from "react";
import { webauthnErrorMessage } from "@/components/second-factor/webauthn-error";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  cancelSignIn,
  passkeySignInOptions,
  submitPasskeyAnswer,
  submitSecondFactorCode,
} from "@/lib/auth/second-step-actions";

type Mode = "totp" | "passkey" | "recovery_code";

const linkClass = "link";

export function SecondFactorForm({ hasTotp, hasPasskey }: { hasTotp: boolean; hasPasskey: boolean }) {
  const [mode, setMode] = useState<Mode>(hasTotp ? "totp" : "passkey");
  const [state, formAction, pending] = useActionState(submitSecondFactorCode, undefined);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const [passkeyPending, startPasskey] = useTransition();
  const error = mode === "passkey" ? passkeyError : state?.method === mode ? state.error : undefined;

  const signInWithPasskey = () =>
    startPasskey(async () => {
      setMode("passkey");
      setPasskeyError(null);
      const options = await passkeySignInOptions();
      if (!options.ok) return setPasskeyError(options.error);
      let response: AuthenticationResponseJSON;
      try {
        response = await startAuthentication({ optionsJSON: options.data });
      } catch (err) {
        return setPasskeyError(webauthnErrorMessage(err));
      }
      // On success the action redirects into the console.
      const res = await submitPasskeyAnswer(response);
      if (res?.error) setPasskeyError(res.error);
    });

  return (
    <div className="mt-6 grid gap-4">
      {mode === "passkey" ? (
        <p className="text-sm">Use the passkey on this device or your security key.</p>
      ) : (
        <form action={formAction} className="grid gap-4">
          <input type="hidden" name="method" value={mode} />
          {mode === "totp" ? (
            <Field id="code" label="Code from your authenticator app">
              <Input
                id="code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                maxLength={7}
                required
                autoFocus
                className="font-mono"
              />
            </Field>
          ) : (
            <Field
              id="recovery-code"
              label="Recovery code"
              hint="One of the codes you saved when you set up your second factor. Each works once."
            >
              <Input
                id="recovery-code"
                name="code"
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                required
                autoFocus
                className="font-mono"
              />
            </Field>
          )}
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Verify"}
          </Button>
        </form>
      )}
      {hasPasskey ? (
        <Button
          type="button"
          variant={mode === "passkey" ? "default" : "outline"}
          onClick={signInWithPasskey}
          disabled={passkeyPending}
        >
          <KeyRound /> {passkeyPending ? "Waiting for the passkey…" : "Use a passkey"}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" data-testid="second-factor-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-2 border-t pt-4 text-sm">
        {/* The other ways in; the passkey button above is always there when the account has one. */}
        <div className="grid justify-items-start gap-1">
          {hasTotp && mode !== "totp" ? (
            <button type="button" className={linkClass} onClick={() => setMode("totp")}>
              Use the authenticator app
            </button>
          ) : null}
          {mode !== "recovery_code" ? (
            <button type="button" className={linkClass} onClick={() => setMode("recovery_code")}>
              Use a recovery code
            </button>
          ) : null}
        </div>
        <form action={cancelSignIn}>
          <button type="submit" className="text-muted-foreground hover:underline">
            Cancel
          </button>
        </form>
      </div>
    </div>
  );
}
