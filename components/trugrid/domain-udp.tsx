"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { setDomainUdp } from "@/lib/trugrid/udp-actions";

/** RDP over UDP for every user of the domain: admins only, the domain name typed to confirm. */
export function DomainUdp({ tenantId, domainName, users }: { tenantId: string; domainName: string; users: number }) {
  const { run } = useRunAction();
  const dialog = (on: boolean) => (
    <ConfirmDialog
      trigger={
        <Button variant={on ? "outline" : "destructive"} size="sm">
          {on ? "UDP on for the whole domain…" : "UDP off for the whole domain…"}
        </Button>
      }
      title={`Turn RDP over UDP ${on ? "on" : "off"} for every user of ${domainName}`}
      typeToConfirm={domainName}
      destructive={!on}
      confirmLabel={`Turn UDP ${on ? "on" : "off"} for everyone`}
      onConfirm={async () =>
        (await run(setDomainUdp, { tenantId, on, confirm: domainName }, { success: (d) => d.message })).ok
      }
    >
      <p>
        TruGrid applies this to every user of <strong>{domainName}</strong> ({users} known to this console, and any it
        has not synced). It cannot be undone from here: TruGrid does not report what each user had before.
      </p>
    </ConfirmDialog>
  );
  return (
    <Card data-testid="domain-udp">
      <CardTitle>RDP over UDP for the whole domain</CardTitle>
      <CardDescription>For admins. Per-user changes are in each row&apos;s Actions.</CardDescription>
      <div className="mt-3 flex gap-2">
        {dialog(true)}
        {dialog(false)}
      </div>
    </Card>
  );
}
