"use client";
import { Button } from "@/components/ui/button";
import { regenerateRecoveryCodes } from "@/lib/second-factor/own-factor-actions";
import { ReauthDialog } from "./reauth-dialog";
import { FactorChangedStep } from "./recovery-codes-panel";

export function RecoveryCodesSection({ left, hasFactor }: { left: number; hasFactor: boolean }) {
  return (
    <section className="grid content-start gap-2" data-testid="recovery-codes-section">
      <div className="flex min-h-6 flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">Recovery codes</h3>
        {hasFactor ? (
          <span className="text-sm text-muted-foreground" data-testid="recovery-codes-left">
            {left} of 10 left
          </span>
        ) : null}
      </div>
      <p className="text-sm text-muted-foreground">
        {hasFactor
          ? "Each stands in once for your app or passkey if you lose it. They are stored only hashed: new ones " +
            "replace them all."
          : "Issued when you set up your first second factor."}
      </p>
      {hasFactor ? (
        <ReauthDialog
          trigger={
            <Button size="sm" variant="outline" className="justify-self-start">
              Get new codes
            </Button>
          }
          title="New recovery codes"
          description="The codes you have now stop working."
          confirmLabel="Get new codes"
          run={(form) => regenerateRecoveryCodes(form)}
          result={(data, close) => <FactorChangedStep codes={data.recoveryCodes} onDone={close} />}
          testId="recovery-codes-dialog"
        />
      ) : null}
    </section>
  );
}
