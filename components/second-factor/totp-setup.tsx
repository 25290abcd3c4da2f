"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Result } from "@/lib/actions/result";
import type { TotpEnrolment } from "@/lib/second-factor/totp-factor";

/**
 * The QR code and key of a started enrolment, and the first code that
 * confirms the app holds them. Used at sign-in and in Settings.
 */
export function TotpSetup({
  enrolment,
  confirm,
  onConfirmed,
}: {
  enrolment: TotpEnrolment;
  confirm: (code: string) => Promise<Result<{ recoveryCodes: string[] | null }>>;
  onConfirmed: (recoveryCodes: string[] | null) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="grid gap-4">
      <ol className="grid list-decimal gap-1 pl-5 text-sm text-muted-foreground">
        <li>Open an authenticator app (Microsoft or Google Authenticator, 1Password, Bitwarden…).</li>
        <li>Scan the code, or enter the key by hand.</li>
        <li>Type the six-digit code the app then shows.</li>
      </ol>
      <div className="flex flex-wrap items-center gap-4">
        {/* White frame: the quiet zone a scanner needs, in either theme. The SVG is the qrcode library's own output
            for our URI. */}
        <div
          className="size-44 shrink-0 rounded-md bg-white p-3 [&>svg]:size-full"
          role="img"
          aria-label="QR code of the authenticator app key"
          data-testid="totp-qr"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the qrcode library's SVG of our URI, no user input
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
        <div className="grid min-w-0 gap-1 text-sm">
          <span className="text-muted-foreground">Key</span>
          <code className="break-all rounded bg-muted px-2 py-1 font-mono" data-testid="totp-secret">
            {enrolment.secret}
          </code>
          <span className="text-xs text-muted-foreground">Time-based, 6 digits, every 30 seconds.</span>
        </div>
      </div>
      <form
        className="grid gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get("code") ?? "");
          start(async () => {
            const res = await confirm(code);
            if (res.ok) onConfirmed(res.data.recoveryCodes);
            else setError(res.error);
          });
        }}
      >
        <Field id="totp-confirm-code" label="Code from the app" errors={error ? [error] : undefined}>
          <Input
            id="totp-confirm-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            className="max-w-40 font-mono"
          />
        </Field>
        <Button type="submit" disabled={pending} className="justify-self-start">
          {pending ? "Checking…" : "Confirm"}
        </Button>
      </form>
    </div>
  );
}
