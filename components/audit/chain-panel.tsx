"use client";
import { ShieldCheck } from "lucide-react";
import { useRunAction } from "@/components/actions/use-run-action";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { When } from "@/components/ui/when";
import { applyAuditRetentionNow, saveAuditRetention, verifyAuditChainNow } from "@/lib/audit/actions";
import type { ChainStatus } from "@/lib/audit/chain-status";

/** For admins: verify the hash chain now, and (with every tenant) the retention period (archive, then prune). */
export function ChainPanel({ status, canSetRetention }: { status: ChainStatus; canSetRetention: boolean }) {
  const { run, pending } = useRunAction();
  const [state, formAction, saving] = useActionForm(saveAuditRetention, {
    success: (d) =>
      d.days ? `Events older than ${d.days} days will be archived, then pruned.` : "Everything is kept.",
  });
  const lastPrune = status.checkpoint;
  return (
    <Card className="mb-4" data-testid="chain-panel">
      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-2">
          <CardTitle>Chain verification</CardTitle>
          <CardDescription>
            Recomputes every event&apos;s hash from the first kept event on; any edit, removal or insertion behind the
            console&apos;s back shows as a break.
          </CardDescription>
          <p className="text-sm" data-testid="chain-last-check">
            {status.lastCheck ? (
              <>
                {status.lastCheck.ok ? "Intact" : "BROKEN"} at the last check (
                <When at={status.lastCheck.at} precision="second" />, by {status.lastCheck.by ?? "the system"}):{" "}
                {status.lastCheck.detail}
              </>
            ) : (
              "Not verified from the console yet."
            )}
          </p>
          <Button
            variant="outline"
            disabled={pending}
            data-testid="verify-chain"
            onClick={() =>
              void run(
                verifyAuditChainNow,
                {},
                { success: (d) => `Chain intact: ${d.events.toLocaleString("en")} events verified.` },
              )
            }
          >
            <ShieldCheck />
            {pending ? "Verifying…" : "Verify now"}
          </Button>
        </div>
        <div className="space-y-2">
          <CardTitle>Retention</CardTitle>
          <CardDescription>
            Events older than the period are first written to a gzip JSON-lines archive in the data folder (with their
            hashes), then pruned; a checkpoint keeps the remaining chain verifiable. Empty keeps everything.
          </CardDescription>
          {canSetRetention ? (
            <form action={formAction} className="flex items-end gap-2">
              <Field id="retention-days" label="Keep events for (days)" errors={fieldErrors(state, "days")}>
                <Input
                  id="retention-days"
                  name="days"
                  type="number"
                  min={7}
                  max={36500}
                  defaultValue={status.retentionDays ?? ""}
                  placeholder="forever"
                  className="w-40"
                />
              </Field>
              <Button type="submit" variant="outline" disabled={saving}>
                Save
              </Button>
              <Button
                type="button"
                variant="outline"
                disabled={pending || !status.retentionDays}
                onClick={() =>
                  void run(
                    applyAuditRetentionNow,
                    {},
                    { success: "Retention queued: old events will be archived, then pruned." },
                  )
                }
              >
                Apply now
              </Button>
            </form>
          ) : (
            <p className="text-sm" data-testid="retention-period">
              {status.retentionDays ? `Events are kept for ${status.retentionDays} days.` : "Everything is kept."} Set
              by an admin with every tenant.
            </p>
          )}
          {lastPrune ? (
            <p className="text-xs text-muted-foreground" data-testid="audit-checkpoint">
              Last pruned <When at={lastPrune.at} precision="date" />: {lastPrune.prunedCount.toLocaleString("en")}{" "}
              events through seq {lastPrune.seq} (up to <When at={lastPrune.lastAt} precision="date" />
              ), archived as {lastPrune.archive} (sha256 {lastPrune.sha256.slice(0, 16)}…).
            </p>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
