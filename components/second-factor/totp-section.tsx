"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { When } from "@/components/ui/when";
import { confirmTotp, removeTotp, startTotp } from "@/lib/second-factor/own-factor-actions";
import type { TotpEnrolment } from "@/lib/second-factor/totp-factor";
import { ReauthDialog } from "./reauth-dialog";
import { FactorChangedStep } from "./recovery-codes-panel";
import { TotpSetup } from "./totp-setup";

/** After the password: scan and confirm, then (for a first factor) the recovery codes. */
function TotpSetupFlow({ enrolment, close }: { enrolment: TotpEnrolment; close: () => void }) {
  const [codes, setCodes] = useState<string[] | null | undefined>(undefined);
  if (codes === undefined)
    return <TotpSetup enrolment={enrolment} confirm={(code) => confirmTotp({ code })} onConfirmed={setCodes} />;
  return (
    <FactorChangedStep
      message="The authenticator app is set up: it will be asked for at your next sign-in."
      codes={codes}
      onDone={close}
    />
  );
}

export function TotpSection({ since }: { since: string | null }) {
  return (
    <section className="grid content-start gap-2" data-testid="totp-section">
      <div className="flex min-h-6 flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">Authenticator app</h3>
        {since ? (
          <Badge variant="success">
            On since <When at={since} precision="date" />
          </Badge>
        ) : (
          <Badge>Off</Badge>
        )}
      </div>
      <p className="text-sm text-muted-foreground">A six-digit code from an app on your phone.</p>
      {since ? (
        <ReauthDialog
          trigger={
            <Button size="sm" variant="outline" className="justify-self-start">
              Remove the app
            </Button>
          }
          title="Remove the authenticator app"
          description={
            "Its codes will no longer sign you in. " + "If your role must use a second factor, keep a passkey first."
          }
          confirmLabel="Remove"
          destructive
          run={(form) => removeTotp(form)}
          success="Authenticator app removed."
        />
      ) : (
        <ReauthDialog
          trigger={
            <Button size="sm" className="justify-self-start">
              Set up an app
            </Button>
          }
          title="Set up an authenticator app"
          description="Your password first, then the code to scan with the app."
          confirmLabel="Continue"
          run={(form) => startTotp(form)}
          result={(enrolment, close) => <TotpSetupFlow enrolment={enrolment} close={close} />}
          testId="totp-dialog"
        />
      )}
    </section>
  );
}
