"use client";
import { useState } from "react";
import { toast } from "sonner";
import { AssuranceBadge } from "@/components/truu/assurance-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { lookUpTruuUser } from "@/lib/truu/lookup-actions";

type Result = Extract<Awaited<ReturnType<typeof lookUpTruuUser>>, { ok: true }>["data"];

/** "Check now at TruU": the user and their devices as TruU holds them now, beside the cache's counts. */
export function CheckAtTruu({ tenantId, guid }: { tenantId: string; guid: string }) {
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      const res = await lookUpTruuUser({ tenantId, guid });
      if (res.ok) setResult(res.data);
      else toast.error(res.error);
    } catch {
      toast.error("The console could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };
  const live = result?.live;
  const differs = live && result?.cached && (live.gone || live.devices.length !== result.cached.devices);
  return (
    <Card className="mb-4" data-testid="truu-live">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle>At TruU now</CardTitle>
        <Button size="sm" variant="outline" disabled={busy} onClick={() => void check()} data-testid="truu-check-now">
          {busy ? "Asking TruU…" : result ? "Check again" : "Check now at TruU"}
        </Button>
      </div>
      {!live ? (
        <p className="mt-1 text-sm text-muted-foreground">
          The page shows the cache as of the last sync; TruU can be asked for this user and their devices now.
        </p>
      ) : live.gone ? (
        <p className="mt-2 text-sm" data-testid="truu-live-gone">
          <Badge variant="destructive">not at TruU</Badge> TruU no longer knows this user; the next sync marks them
          deleted.
        </p>
      ) : (
        <div className="mt-2 space-y-2 text-sm">
          <p data-testid="truu-live-summary">
            {live.upn ?? guid}
            {live.displayName ? ` · ${live.displayName}` : ""} · {live.devices.length} device
            {live.devices.length === 1 ? "" : "s"} at TruU
            {differs ? (
              <Badge variant="warning" className="ml-2">
                the cache has {result?.cached?.devices}: the next sync updates it
              </Badge>
            ) : (
              <Badge variant="success" className="ml-2">
                as the cache has it
              </Badge>
            )}
          </p>
          {live.devices.length ? (
            <ul className="space-y-1">
              {live.devices.map((d) => (
                <li key={d.deviceId} className="flex items-center gap-2">
                  <span className="font-medium">{d.deviceName ?? d.deviceId}</span>
                  <AssuranceBadge level={d.assuranceLevel} />
                  {d.active ? <Badge variant="success">active</Badge> : <Badge variant="warning">inactive</Badge>}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Card>
  );
}
